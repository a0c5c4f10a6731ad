-- Kefu schema, version 12.2: after V12_1 hashed every tracking token and keyed every callback, the clear tokens go
-- and every callback must have its public key.

ALTER TABLE complaint DROP CONSTRAINT complaint_tracking_unique;
ALTER TABLE complaint DROP COLUMN tracking_token;

ALTER TABLE callback_task ALTER COLUMN public_key SET NOT NULL;
ALTER TABLE callback_task ADD CONSTRAINT callback_task_public_key_unique UNIQUE (public_key);
