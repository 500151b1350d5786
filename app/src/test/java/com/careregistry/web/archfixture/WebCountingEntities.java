package com.careregistry.web.archfixture;

import com.careregistry.core.archfixture.CategoryShelf;

/**
 * Breaks the read-model rule on purpose (test code only): the panel takes a list of entities from
 * the core; it names no entity class, but the list's type argument does.
 */
public class WebCountingEntities {

    public int count(CategoryShelf shelf) {
        return shelf.all().size();
    }
}
