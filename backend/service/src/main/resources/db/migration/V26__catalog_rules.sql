-- A product created while Counterpoint has no price for its item is kept as a draft (nobody sees a product that
-- cannot be bought): the status it gets once the pricing job sends it a price. NULL: not kept.
ALTER TABLE catalog_links ADD COLUMN publish_when_priced varchar(20);
