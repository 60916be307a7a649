-- The gate reads the SLO plugin's error-budget verdicts from the host's signals when it decides, so the copy this
-- plugin kept of every such signal is no longer written or read.
DROP TABLE IF EXISTS error_budget_signals;
