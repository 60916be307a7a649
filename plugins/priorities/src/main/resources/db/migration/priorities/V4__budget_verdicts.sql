-- The SLO plugin's latest error-budget verdict per service as this plugin heard it, so the plan view reads the spent
-- budgets from one small table instead of every latest signal on each request. A row stays when the budget
-- recovers (spent = false) so that a verdict heard late cannot overwrite a newer one.
CREATE TABLE budget_verdicts (
    subject     text        PRIMARY KEY,
    spent       boolean     NOT NULL,
    observed_at timestamptz NOT NULL
);

CREATE INDEX budget_verdicts_spent ON budget_verdicts (subject) WHERE spent;
