package com.careregistry.core.archfixture;

import com.careregistry.core.category.Category;
import java.util.List;

/** A core class that hands out entities, only inside a type argument (test code only). */
public class CategoryShelf {

    public List<Category> all() {
        return List.of();
    }
}
