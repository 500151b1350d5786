package com.careregistry.core.cyclefixturea;

import com.careregistry.core.cyclefixtureb.Invoices;

/** Breaks the no-cycles rule on purpose (ArchitectureTest): it uses a package that uses it. */
public class Orders {

    public Invoices invoices;
}
