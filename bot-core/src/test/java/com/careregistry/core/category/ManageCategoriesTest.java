package com.careregistry.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import org.junit.jupiter.api.Test;

class ManageCategoriesTest extends CoreTest {

    @Test
    void createRenameRetireRestore() {
        CategoryView billing = categories.create("  Billing ");
        assertThat(billing.name()).isEqualTo("Billing");
        assertThat(categories.active()).extracting(CategoryView::name).containsExactly("Billing", "General");

        categories.rename(billing.id(), "Payments");
        categories.retire(billing.id());
        assertThat(categories.active()).extracting(CategoryView::name).containsExactly("General");
        assertThat(categories.all()).extracting(CategoryView::name).containsExactly("General", "Payments");

        categories.restore(billing.id());
        assertThat(categories.active()).extracting(CategoryView::name).containsExactly("General", "Payments");
    }

    @Test
    void refusesEmptyDuplicateAndRetiringTheLastOne() {
        assertThatThrownBy(() -> categories.create(" ")).hasMessageContaining("category.name.empty");
        assertThatThrownBy(() -> categories.create("general")).hasMessageContaining("category.name.taken");
        assertThatThrownBy(() -> categories.create("x".repeat(101))).hasMessageContaining("category.name.too-long");
        CategoryView general = categories.active().get(0);
        assertThatThrownBy(() -> categories.retire(general.id())).hasMessageContaining("category.last-active");
        assertThat(categories.active()).hasSize(1);
    }
}
