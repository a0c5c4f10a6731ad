-- A running import's last sign of life (its start, then each progress report) and why a failed import failed:
-- an import whose node died is given up by whichever node reads it next (ResidentImport.abandonIfSilent).
-- Both stay empty on older rows: no progress_at reads as started_at, no failure on a FAILED row as
-- 'residents.import.failed' (no UPDATE here: row-level security hides tenant rows from the migration).
ALTER TABLE resident_import ADD COLUMN progress_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE resident_import ADD COLUMN failure VARCHAR(64);
