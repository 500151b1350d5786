package com.careregistry.core.category;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Categories: create, rename, retire, list. A retired category keeps its tickets. */
@Service
public class ManageCategories {

    private final Categories categories;
    private final Clock clock;

    public ManageCategories(Categories categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional
    public CategoryView create(String name) {
        String clean = validName(name);
        categories.findByNameIgnoreCase(clean).ifPresent(existing -> {
            throw new DomainException("category.name.taken", clean);
        });
        return CategoryView.of(categories.save(new Category(clean, clock.instant())));
    }

    @Transactional
    public CategoryView rename(Long categoryId, String name) {
        String clean = validName(name);
        Category category = find(categoryId);
        categories.findByNameIgnoreCase(clean)
                .filter(other -> !other.id().equals(categoryId))
                .ifPresent(other -> {
                    throw new DomainException("category.name.taken", clean);
                });
        category.rename(clean);
        return CategoryView.of(category);
    }

    /**
     * Sets what the category promises, as an admin typed it ({@code 2h}, {@code 30m}, empty for none):
     * tickets opened from now on are due by these; tickets already open keep their due times.
     */
    @Transactional
    public CategoryView promise(Long categoryId, String firstResponse, String resolution) {
        ServiceTargets targets = new ServiceTargets(ServiceTargets.parse(firstResponse), ServiceTargets.parse(resolution));
        Category category = find(categoryId);
        category.promise(targets);
        return CategoryView.of(category);
    }

    @Transactional
    public CategoryView retire(Long categoryId) {
        Category category = find(categoryId);
        if (categories.findByActiveTrueOrderByNameAsc().stream().allMatch(c -> c.id().equals(categoryId))) {
            throw new DomainException("category.last-active");
        }
        category.retire();
        return CategoryView.of(category);
    }

    @Transactional
    public CategoryView restore(Long categoryId) {
        Category category = find(categoryId);
        category.restore();
        return CategoryView.of(category);
    }

    /** The categories a customer can choose from, by name. */
    @Transactional(readOnly = true)
    public List<CategoryView> active() {
        return categories.findByActiveTrueOrderByNameAsc().stream().map(CategoryView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<CategoryView> all() {
        return categories.findAllByOrderByNameAsc().stream().map(CategoryView::of).toList();
    }

    @Transactional(readOnly = true)
    public CategoryView get(Long categoryId) {
        return CategoryView.of(find(categoryId));
    }

    private Category find(Long categoryId) {
        return categories.findById(categoryId).orElseThrow(() -> new NotFoundException("category.not-found"));
    }

    private static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new DomainException("category.name.empty");
        }
        if (clean.length() > Category.MAX_NAME_LENGTH) {
            throw new DomainException("category.name.too-long", Category.MAX_NAME_LENGTH);
        }
        return clean;
    }
}
