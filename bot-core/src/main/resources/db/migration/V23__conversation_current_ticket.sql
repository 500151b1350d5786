-- Issue 9. The number of the ticket a customer is talking about, beside the step's data that names it
-- too ("current"): the query that finds who wrote (CustomerIdentities.findWithCustomer) joins that
-- ticket through it, so a customer's message reaches its ticket without a query of its own. Rows
-- written before this column are filled as the customer writes again (a state that stays the same
-- is written at least hourly); until then their ticket is read by its own query, as before.
ALTER TABLE conversation_states ADD COLUMN current_ticket BIGINT;
