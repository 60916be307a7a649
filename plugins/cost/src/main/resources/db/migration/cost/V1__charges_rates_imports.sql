-- Exchange rates admins keep per month: one unit of `currency` is `rate` units of `reporting`.
CREATE TABLE rates (
    currency   text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reporting  text          NOT NULL CHECK (reporting ~ '^[A-Z]{3}$'),
    month      date          NOT NULL CHECK (extract(day FROM month) = 1),
    rate       numeric       NOT NULL CHECK (rate > 0),
    set_by     text          NOT NULL,
    set_at     timestamptz   NOT NULL,
    PRIMARY KEY (currency, reporting, month)
);

-- One accepted file.
CREATE TABLE imports (
    id           bigserial    PRIMARY KEY,
    imported_at  timestamptz  NOT NULL,
    imported_by  text         NOT NULL,
    rows         bigint       NOT NULL,
    reporting    text         NOT NULL
);

-- One FOCUS row, kept exactly: amounts in the billing currency as billed, and converted into the reporting
-- currency at the rate of the billing period's month (1 for the reporting currency itself).
CREATE TABLE charges (
    import_id             bigint       NOT NULL REFERENCES imports (id),
    row_number            bigint       NOT NULL,
    billing_account_id    text         NOT NULL,
    billing_period_start  timestamptz  NOT NULL,
    billing_period_end    timestamptz  NOT NULL,
    charge_period_start   timestamptz  NOT NULL,
    charge_period_end     timestamptz  NOT NULL,
    charge_category       text         NOT NULL,
    charge_class          text,
    provider_name         text         NOT NULL,
    invoice_issuer_name   text,
    invoice_id            text,
    sub_account_id        text,
    service_category      text,
    service_name          text,
    billing_currency      text         NOT NULL,
    billed_cost           numeric      NOT NULL,
    effective_cost        numeric      NOT NULL,
    rate                  numeric      NOT NULL,
    billed                numeric      NOT NULL,
    cost                  numeric      NOT NULL,
    allocation_tag        text,
    tags                  jsonb,
    extra                 jsonb
);

-- Answers read by charge period; a re-import replaces by billing account and period.
CREATE INDEX charges_by_charge_period ON charges (charge_period_start);
CREATE INDEX charges_by_billing_period ON charges (billing_account_id, billing_period_start);
CREATE INDEX charges_by_import ON charges (import_id);
