-- Web orders back to Counterpoint: the order ledger, its transitions and lines, customer identities
-- and the allocation ledger (what web orders hold of each item until Counterpoint's quantities show the sale).

CREATE TABLE web_orders (
    id               uuid PRIMARY KEY,
    tenant_id        uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id          uuid          NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    woo_order_id     bigint        NOT NULL,
    woo_number       varchar(40)   NOT NULL,
    woo_status       varchar(30)   NOT NULL,
    woo_modified     varchar(40),
    state            varchar(20)   NOT NULL CHECK (state IN ('RECEIVED', 'ALLOCATED', 'READY', 'WRITTEN', 'POSTED',
                                                            'RELEASED', 'NEEDS_ATTENTION', 'CANCELLED')),
    reason           text,
    -- set when WooCommerce changed the order after it was written (cancelled, refunded): a person acts in Counterpoint
    flag             text,
    currency         varchar(3),
    total            numeric(14, 2) NOT NULL,
    total_tax        numeric(14, 2) NOT NULL,
    shipping_total   numeric(14, 2) NOT NULL,
    fee_total        numeric(14, 2) NOT NULL,
    discount_total   numeric(14, 2) NOT NULL,
    payment_method   varchar(100),
    customer_email   varchar(200),
    woo_customer_id  bigint        NOT NULL DEFAULT 0,
    billing          jsonb         NOT NULL DEFAULT '{}'::jsonb,
    cust_no          varchar(15),
    order_key        varchar(100)  NOT NULL,
    document_type    char(1),
    cp_doc_id        bigint,
    cp_ticket_no     varchar(30),
    received_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    written_at       timestamptz,
    posted_at        timestamptz,
    UNIQUE (site_id, woo_order_id),
    UNIQUE (tenant_id, order_key)
);
CREATE INDEX web_orders_tenant_state_idx ON web_orders (tenant_id, state);
CREATE INDEX web_orders_site_state_idx ON web_orders (site_id, state);

CREATE TABLE web_order_transitions (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    order_id     uuid        NOT NULL REFERENCES web_orders (id) ON DELETE CASCADE,
    from_state   varchar(20),
    to_state     varchar(20) NOT NULL,
    reason       text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX web_order_transitions_order_idx ON web_order_transitions (order_id, id);
CREATE INDEX web_order_transitions_tenant_idx ON web_order_transitions (tenant_id);

CREATE TABLE web_order_lines (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    order_id     uuid           NOT NULL REFERENCES web_orders (id) ON DELETE CASCADE,
    line_no      int            NOT NULL,
    woo_line_id  bigint,
    name         text,
    sku          varchar(100),
    item_no      varchar(20),
    -- DIM1|DIM2|DIM3 with '*' for unused dimensions; '*|*|*' for an item without a grid
    cell         varchar(50)    NOT NULL DEFAULT '*|*|*',
    qty          numeric(15, 4) NOT NULL,
    subtotal     numeric(14, 2) NOT NULL,
    discount     numeric(14, 2) NOT NULL,
    total        numeric(14, 2) NOT NULL,
    tax          numeric(14, 2) NOT NULL,
    UNIQUE (order_id, line_no)
);
CREATE INDEX web_order_lines_tenant_idx ON web_order_lines (tenant_id);

CREATE TABLE customer_identities (
    id                uuid PRIMARY KEY,
    tenant_id         uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- registered customers are per store; a guest (site_id null) is known by email across the company
    site_id           uuid         REFERENCES sites (id) ON DELETE CASCADE,
    identity_key      varchar(120) NOT NULL,
    email_normalized  varchar(200),
    woo_customer_id   bigint       NOT NULL DEFAULT 0,
    cust_no           varchar(15)  NOT NULL,
    linked_how        varchar(20)  NOT NULL CHECK (linked_how IN ('EMAIL_MATCH', 'CREATED', 'MANUAL')),
    linked_at         timestamptz  NOT NULL DEFAULT now(),
    linked_by         varchar(200),
    UNIQUE (tenant_id, identity_key)
);

CREATE TABLE allocations (
    id              bigserial PRIMARY KEY,
    tenant_id       uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    order_id        uuid           NOT NULL REFERENCES web_orders (id) ON DELETE CASCADE,
    item_no         varchar(20)    NOT NULL,
    cell            varchar(50)    NOT NULL DEFAULT '*|*|*',
    qty             numeric(15, 4) NOT NULL,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    released_at     timestamptz,
    release_reason  text,
    UNIQUE (order_id, item_no, cell)
);
CREATE INDEX allocations_open_idx ON allocations (tenant_id, item_no, cell) WHERE released_at IS NULL;

-- Per store: the newest date_modified_gmt seen by order polling (each poll looks back a window before it).
CREATE TABLE order_watermarks (
    site_id         uuid PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    modified_after  timestamptz NOT NULL,
    polled_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_watermarks_tenant_idx ON order_watermarks (tenant_id);

-- Per tenant: whether web orders hold stock (allocation counts in the inventory formula). On by default.
CREATE TABLE order_tenant_settings (
    tenant_id           uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    allocation_enabled  boolean     NOT NULL DEFAULT true,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['web_orders', 'web_order_transitions', 'web_order_lines', 'customer_identities',
                             'allocations', 'order_watermarks', 'order_tenant_settings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant()) '
                       'WITH CHECK (tenant_id = app_current_tenant())', t || '_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON web_orders, web_order_transitions, web_order_lines, customer_identities,
    allocations, order_watermarks, order_tenant_settings TO ${approle};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${approle};
