-- A filing writes a case, its first history entry and its tracking key. Their ids were IDENTITY values, read back
-- with one `select lastval()` each inside the transaction that holds the tenant's month counter locked. Now the
-- portal takes them from the same sequences 50 at a time (EclipseLink's preallocation, starting at the value
-- nextval returns: `eclipselink.sequencing.start-sequence-at-nextval`), so most filings ask for no id at all.
-- Rows inserted without an id (seeds, SQL by hand) still get one from the column default: a value nextval hands
-- out once, which no block of 50 taken by a node can contain.
ALTER TABLE complaint ALTER COLUMN id SET INCREMENT BY 50;
ALTER TABLE case_event ALTER COLUMN id SET INCREMENT BY 50;
ALTER TABLE tracking_key ALTER COLUMN id SET INCREMENT BY 50;
