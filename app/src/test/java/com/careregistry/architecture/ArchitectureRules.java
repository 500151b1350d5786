package com.careregistry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The dependency rules of ARCHITECTURE.md, as ArchUnit rules the build enforces. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final String CORE = "com.careregistry.core..";
    static final String TELEGRAM = "com.careregistry.telegram..";
    static final String DISCORD = "com.careregistry.discord..";
    static final String WEB = "com.careregistry.web..";

    /** The domain knows no chat library, no servlet API, no Thymeleaf, no web framework, no adapter. */
    static final ArchRule CORE_IS_PLAIN = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.telegram..", "net.dv8tion..", "jakarta.servlet..", "javax.servlet..", "org.thymeleaf..",
                    "org.springframework.web..", "org.springframework.security.web..", TELEGRAM, DISCORD, WEB)
            .because("bot-core is the domain; adapters translate to it, never the other way round");

    static final ArchRule TELEGRAM_STANDS_ALONE = noClasses().that().resideInAPackage(TELEGRAM)
            .should().dependOnClassesThat().resideInAnyPackage(DISCORD, WEB, "net.dv8tion..", "org.thymeleaf..")
            .because("an adapter never imports another adapter, nor web-admin");

    static final ArchRule DISCORD_STANDS_ALONE = noClasses().that().resideInAPackage(DISCORD)
            .should().dependOnClassesThat().resideInAnyPackage(TELEGRAM, WEB, "org.telegram..", "org.thymeleaf..")
            .because("an adapter never imports another adapter, nor web-admin");

    static final ArchRule WEB_KNOWS_NO_ADAPTER = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(TELEGRAM, DISCORD, "org.telegram..", "net.dv8tion..")
            .because("web-admin never imports an adapter");

    /** Adapters and the panel call use cases; they never reach a repository. */
    static final ArchRule EDGES_USE_USE_CASES = noClasses().that().resideInAnyPackage(TELEGRAM, DISCORD, WEB)
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
            .because("an adapter builds a command and calls one use case; it never reaches a repository");

    /**
     * bot-core's packages depend on each other one way only: no package reaches, through any chain,
     * back to one that depends on it (ticket → agent, never agent → ticket; a package that must hear
     * of another's changes listens to its events).
     */
    static final ArchRule CORE_PACKAGES_HAVE_NO_CYCLES = slices().matching("com.careregistry.core.(*)..")
            .should().beFreeOfCycles()
            .because("a package of the core that depends on another may not be depended on by it, through any chain");

    /**
     * A button's id is made by the codec only: whoever builds a button gives a typed {@code ChatAction}
     * to {@code MessageAction.of}, and only {@code MessageAction} itself (decoding a stored row) calls
     * its constructor with a raw id; every parser reads ids back through {@code ChatAction.parse}.
     */
    static final ArchRule BUTTON_IDS_COME_FROM_THE_CODEC = noClasses()
            .that().doNotHaveFullyQualifiedName(com.careregistry.core.outbox.MessageAction.class.getName())
            .should().callConstructor(com.careregistry.core.outbox.MessageAction.class, String.class, String.class)
            .because("a button id is a typed ChatAction's, made and read by one codec (ChatAction, MessageAction)");

    /**
     * Adapters and the panel see read models (records) and commands, never a JPA entity: what they
     * show is what a use case chose to give them, and no lazy collection can reach a detached page.
     */
    static final ArchRule EDGES_SEE_NO_ENTITY = noClasses().that().resideInAnyPackage(TELEGRAM, DISCORD, WEB)
            .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
            .orShould(callCoreMethodsThatHandOutAnEntity())
            .because("the edges get read models (records) from the core's use cases, never its entities");

    /**
     * A call from an edge into the core whose result holds an entity, even only as a type argument
     * ({@code List<TicketMessage>}): what erasure hides from a plain dependency check, the signature
     * still says.
     */
    private static ArchCondition<JavaClass> callCoreMethodsThatHandOutAnEntity() {
        return new ArchCondition<>("call a method of the core whose result holds an entity") {
            @Override
            public void check(JavaClass edge, ConditionEvents events) {
                for (JavaCodeUnitAccess<?> call : edge.getCodeUnitAccessesFromSelf()) {
                    if (!call.getTargetOwner().getPackageName().startsWith("com.careregistry.core")) {
                        continue;
                    }
                    call.getTarget().resolveMember().ifPresent(unit -> {
                        for (JavaClass mentioned : unit.getReturnType().getAllInvolvedRawTypes()) {
                            if (mentioned.isAnnotatedWith(jakarta.persistence.Entity.class)) {
                                events.add(SimpleConditionEvent.satisfied(call, call.getDescription()
                                        + " whose result holds the entity " + mentioned.getName()));
                            }
                        }
                    });
                }
            }
        };
    }
}
