-- Break-glass needs two people, not two credentials: a person with a browser session and a token they made is one
-- person. So each step keeps the person behind it (a token counts as its maker) beside the name it came with.
ALTER TABLE break_glass_requests ADD COLUMN requested_by_person text, ADD COLUMN approved_by_person text;
-- Requests made before knew only the name.
UPDATE break_glass_requests SET requested_by_person = requested_by, approved_by_person = approved_by;
ALTER TABLE break_glass_requests ALTER COLUMN requested_by_person SET NOT NULL,
    ADD CHECK (approved_by_person IS NULL OR approved_by_person <> requested_by_person);
