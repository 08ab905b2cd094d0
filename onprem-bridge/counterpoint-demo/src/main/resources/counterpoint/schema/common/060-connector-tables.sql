-- Ours (USR_ prefix, as Counterpoint customisations are named): the connector's idempotency record.
-- The bridge inserts the web order's key in the same transaction as the document; a second write of
-- the same key hits the primary key and the bridge returns the first DOC_ID instead.

CREATE TABLE USR_WEB_ORD_KEY (
  ORD_KEY      VARCHAR(100)  NOT NULL,
  DOC_ID       BIGINT        NOT NULL,
  TKT_NO       VARCHAR(15)   NOT NULL,
  CREATED_UTC  DATETIME      NOT NULL,
  CONSTRAINT PK_USR_WEB_ORD_KEY PRIMARY KEY (ORD_KEY)
)
GO
