package com.careregistry.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.archfixture.CategoryShelf;
import com.careregistry.core.archfixture.CoreUsingServlet;
import com.careregistry.core.archfixture.CoreUsingTelegram;
import com.careregistry.core.cyclefixturea.Orders;
import com.careregistry.core.cyclefixtureb.Invoices;
import com.careregistry.telegram.archfixture.TelegramUsingDiscord;
import com.careregistry.web.archfixture.WebBuildingAButton;
import com.careregistry.web.archfixture.WebCountingEntities;
import com.careregistry.web.archfixture.WebReadingAnEntity;
import com.careregistry.web.archfixture.WebUsingRepository;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules hold for the production code; and each rule really fails when broken,
 * shown on small classes that break it on purpose (in {@code ..fixture}, test code only).
 */
class ArchitectureTest {

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.careregistry");
    }

    @Test
    void coreImportsNoChatLibraryServletOrThymeleaf() {
        ArchitectureRules.CORE_IS_PLAIN.check(production);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        ArchitectureRules.TELEGRAM_STANDS_ALONE.check(production);
        ArchitectureRules.DISCORD_STANDS_ALONE.check(production);
    }

    @Test
    void webDoesNotImportAnAdapter() {
        ArchitectureRules.WEB_KNOWS_NO_ADAPTER.check(production);
    }

    @Test
    void adaptersAndWebNeverReachARepository() {
        ArchitectureRules.EDGES_USE_USE_CASES.check(production);
    }

    @Test
    void adaptersAndWebSeeNoEntity() {
        ArchitectureRules.EDGES_SEE_NO_ENTITY.check(production);
    }

    @Test
    void anEdgeReadingAnEntityBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.EDGES_SEE_NO_ENTITY.check(fixture(WebReadingAnEntity.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.careregistry.core.agent.Agent.fullName()");
    }

    @Test
    void anEdgeTakingEntitiesInAListBreaksTheBuild() {
        JavaClasses edgeAndCore = new ClassFileImporter().importClasses(WebCountingEntities.class, CategoryShelf.class);
        assertThatThrownBy(() -> ArchitectureRules.EDGES_SEE_NO_ENTITY.check(edgeAndCore))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CategoryShelf.all()").hasMessageContaining("holds the entity com.careregistry.core.category.Category");
    }

    @Test
    void theCoresPackagesHaveNoCycles() {
        ArchitectureRules.CORE_PACKAGES_HAVE_NO_CYCLES.check(production);
    }

    @Test
    void twoCorePackagesUsingEachOtherBreakTheBuild() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Orders.class, Invoices.class);
        assertThatThrownBy(() -> ArchitectureRules.CORE_PACKAGES_HAVE_NO_CYCLES.check(cycle))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    @Test
    void buttonIdsComeFromTheCodecOnly() {
        ArchitectureRules.BUTTON_IDS_COME_FROM_THE_CODEC.check(production);
    }

    @Test
    void aButtonMadeFromARawIdBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.BUTTON_IDS_COME_FROM_THE_CODEC.check(fixture(WebBuildingAButton.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("WebBuildingAButton");
    }

    @Test
    void coreUsingATelegramClassBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.CORE_IS_PLAIN.check(fixture(CoreUsingTelegram.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.telegram");
    }

    @Test
    void coreUsingTheServletApiBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.CORE_IS_PLAIN.check(fixture(CoreUsingServlet.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("jakarta.servlet");
    }

    @Test
    void oneAdapterUsingAnotherBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.TELEGRAM_STANDS_ALONE.check(fixture(TelegramUsingDiscord.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.careregistry.discord.DiscordSettings");
    }

    @Test
    void webReachingARepositoryBreaksTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.EDGES_USE_USE_CASES.check(fixture(WebUsingRepository.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Tickets");
    }

    private static JavaClasses fixture(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }
}
