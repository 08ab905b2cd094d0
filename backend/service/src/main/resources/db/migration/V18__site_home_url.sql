-- What a store calls itself: WordPress's home_url, read from WooCommerce (system_status or the public
-- REST index). WooCommerce checks OAuth 1.0a signatures against it, so requests are signed with it
-- even while the store is entered under another name for the same site (localhost vs 127.0.0.1).
ALTER TABLE sites ADD COLUMN home_url varchar(2048);
