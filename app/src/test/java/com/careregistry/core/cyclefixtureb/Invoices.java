package com.careregistry.core.cyclefixtureb;

import com.careregistry.core.cyclefixturea.Orders;

/** The other half of the cycle ArchitectureTest must refuse. */
public class Invoices {

    public Orders orders;
}
