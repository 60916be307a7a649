-- Plugins read the signal history by plugin and kind without a subject (every error-budget verdict of last week);
-- the subject index of V1 cannot serve that.
CREATE INDEX signal_history_plugin_kind_idx ON signal_history (plugin, kind, observed_at);
