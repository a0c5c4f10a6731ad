-- Shared by bench/inbox-data.sql and bench/reports-data.sql (\ir): how a generated case looks by its draws, as
-- session-local functions (pg_temp, gone with the psql session).
--   kind       COMPLAINT 40 %, REPAIR 35 %, CONSULTATION 15 %, SUGGESTION 7 %, PRAISE 3 %;
--   severity   ORDINARY 85 %, SERIOUS 12 %, MAJOR 3 %;
--   deadlines  the regulations' defaults in calendar days (1 working day ≈ 1.4 days): first response 1 d
--              (SERIOUS 4 h, MAJOR 1 h); resolution REPAIR 4 d, CONSULTATION 3 d, others 21 d, SERIOUS at
--              most 7 d, MAJOR at most 3 d;
--   status     still within the resolution deadline: REGISTERED 15 %, ACCEPTED 20 %, IN_PROGRESS 32 %,
--              WAITING_ON_RESIDENT 3 %, CALLBACK_PENDING 15 %, CLOSED 10 %, WITHDRAWN 3 %, REJECTION_REQUESTED 2 %;
--              past it: CLOSED 85 %, NOT_UPHELD 4 %, WITHDRAWN 3 %, CALLBACK_PENDING 3 %, and still open, so overdue:
--              IN_PROGRESS 3 %, ACCEPTED 1.5 %, REGISTERED 0.5 %.
CREATE FUNCTION pg_temp.case_kind(r DOUBLE PRECISION) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN r < .40 THEN 'COMPLAINT' WHEN r < .75 THEN 'REPAIR' WHEN r < .90 THEN 'CONSULTATION'
                WHEN r < .97 THEN 'SUGGESTION' ELSE 'PRAISE' END $$;

CREATE FUNCTION pg_temp.case_severity(r DOUBLE PRECISION) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN r < .85 THEN 'ORDINARY' WHEN r < .97 THEN 'SERIOUS' ELSE 'MAJOR' END $$;

CREATE FUNCTION pg_temp.first_response_due(registered TIMESTAMPTZ, severity TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE AS $$
    SELECT registered + CASE severity WHEN 'ORDINARY' THEN interval '1 day' WHEN 'SERIOUS' THEN interval '4 hours'
                                      ELSE interval '1 hour' END $$;

CREATE FUNCTION pg_temp.resolution_due(registered TIMESTAMPTZ, kind TEXT, severity TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE AS $$
    SELECT registered + least(CASE kind WHEN 'REPAIR' THEN interval '4 days' WHEN 'CONSULTATION' THEN interval '3 days'
                                        ELSE interval '21 days' END,
                              CASE severity WHEN 'ORDINARY' THEN interval '21 days' WHEN 'SERIOUS' THEN interval '7 days'
                                            ELSE interval '3 days' END) $$;

CREATE FUNCTION pg_temp.case_status(resolution_due TIMESTAMPTZ, r DOUBLE PRECISION) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN resolution_due > now() THEN
                CASE WHEN r < .15 THEN 'REGISTERED' WHEN r < .35 THEN 'ACCEPTED' WHEN r < .67 THEN 'IN_PROGRESS'
                     WHEN r < .70 THEN 'WAITING_ON_RESIDENT' WHEN r < .85 THEN 'CALLBACK_PENDING'
                     WHEN r < .95 THEN 'CLOSED' WHEN r < .98 THEN 'WITHDRAWN' ELSE 'REJECTION_REQUESTED' END
           ELSE
                CASE WHEN r < .85 THEN 'CLOSED' WHEN r < .89 THEN 'NOT_UPHELD' WHEN r < .92 THEN 'WITHDRAWN'
                     WHEN r < .95 THEN 'CALLBACK_PENDING' WHEN r < .98 THEN 'IN_PROGRESS' WHEN r < .995 THEN 'ACCEPTED'
                     ELSE 'REGISTERED' END
           END $$;
