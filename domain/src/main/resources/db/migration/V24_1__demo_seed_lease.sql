-- The demo is seeded under a job lease (DemoHistory.LEASE): two nodes started on one fresh database seed it once.
INSERT INTO job_lease (name, holder, lease_until) VALUES ('demo-seed', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
