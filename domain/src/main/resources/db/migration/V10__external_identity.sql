-- Kefu schema, version 10: accounts that log in through an external identity provider (Keycloak). The
-- provider's stable id of the person (the tokens' "sub") is kept with the account, so a token maps to
-- exactly one account even if the person's username or e-mail changes there, and a different person who
-- later takes the same username at the provider is not mistaken for them.

ALTER TABLE user_account ADD COLUMN external_subject VARCHAR(64);
CREATE UNIQUE INDEX user_account_external_subject ON user_account (external_subject);
