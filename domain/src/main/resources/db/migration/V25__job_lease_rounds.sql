-- Which node ran a job's round last, when, and how many rounds ran in all: every node's timer fires each minute,
-- and the count shows (to an operator and to ClusterIT) that a cluster still runs one round per minute, not one
-- per node.
ALTER TABLE job_lease ADD COLUMN rounds BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE job_lease ADD COLUMN taken_at TIMESTAMP WITH TIME ZONE;
