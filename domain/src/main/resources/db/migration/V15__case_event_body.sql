-- A history line holds a free text of the case's full length (5,000) plus what it is about: the department of a
-- routing, both people of a hand-over, the number of a dispatch order (CaseEvent.BODY_MAXLENGTH).
ALTER TABLE case_event ALTER COLUMN body SET DATA TYPE VARCHAR(5200);
