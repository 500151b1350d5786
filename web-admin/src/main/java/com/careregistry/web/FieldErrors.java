package com.careregistry.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Marks the field a refused form was refused for, on every page, with no markup of its own in the
 * templates: in the form sent to the refused action ({@link TypedForm}), the field of the refused name
 * gets {@code aria-invalid="true"}, the reason right before it (after its label) (an element with id {@value #ERROR_ID}
 * that {@code aria-describedby} points to), and {@code autofocus}, so the page opens on it; the error
 * summary at the top links to it (fragments/layout.html). Runs after the standard dialect, so a form's
 * {@code th:action} and a field's {@code th:name} are already resolved when it looks at them.
 */
@Component
public class FieldErrors extends AbstractProcessorDialect {

    /** The id of the reason beside the refused field (the error summary in fragments/layout.html links to it). */
    public static final String ERROR_ID = "refused-field-error";

    private static final String FORM_ACTION = "fieldErrors.formAction";
    private static final String SHOWN = FieldErrors.class.getName() + ".shown";
    private static final int PRECEDENCE = 2000;   // after the standard dialect's 1000

    FieldErrors() {
        super("Field errors", "fielderrors", PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new FormAction(dialectPrefix), new RefusedField(dialectPrefix, "input"), new RefusedField(dialectPrefix, "select"),
                new RefusedField(dialectPrefix, "textarea"));
    }

    /** Remembers, for the fields inside it, where a form is sent (its path, as {@link TypedForm#action()} has it). */
    private static final class FormAction extends AbstractElementTagProcessor {

        FormAction(String prefix) {
            super(TemplateMode.HTML, prefix, "form", false, null, false, PRECEDENCE);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler handler) {
            String action = tag.getAttributeValue("action");
            if (action == null) {
                return;
            }
            int query = action.indexOf('?');
            String path = query < 0 ? action : action.substring(0, query);
            if (context instanceof IWebContext web) {
                String app = web.getExchange().getRequest().getApplicationPath();
                if (app != null && !app.isEmpty() && path.startsWith(app)) {
                    path = path.substring(app.length());
                }
            }
            handler.setLocalVariable(FORM_ACTION, path);
        }
    }

    /** A field: marked, with the reason just before it (between its label and it), when it is the one the refusal was about. */
    private static final class RefusedField extends AbstractElementTagProcessor {

        RefusedField(String prefix, String element) {
            super(TemplateMode.HTML, prefix, element, false, null, false, PRECEDENCE);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler handler) {
            if (!(context.getVariable(PanelAdvice.TYPED) instanceof TypedForm typed) || typed.field() == null) {
                return;
            }
            Object action = context.getVariable(FORM_ACTION);
            if (action == null || !typed.refused(action.toString(), tag.getAttributeValue("name"))) {
                return;
            }
            boolean first = firstOnPage(context);   // boxes of one name: each marked, the reason once
            handler.setAttribute("aria-invalid", "true");
            String described = tag.getAttributeValue("aria-describedby");
            handler.setAttribute("aria-describedby", described == null ? ERROR_ID : ERROR_ID + " " + described);
            if (first) {
                handler.setAttribute("autofocus", "autofocus");
            }
            Object reason = context.getVariable("error");
            if (first && reason != null) {
                IModelFactory factory = context.getModelFactory();
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("class", "field-error");
                attributes.put("id", ERROR_ID);
                IModel message = factory.createModel();
                message.add(factory.createOpenElementTag("span", attributes, AttributeValueQuotes.DOUBLE, false));
                message.add(factory.createText(HtmlEscape.escapeHtml5(reason.toString())));
                message.add(factory.createCloseElementTag("span"));
                handler.insertBefore(message);
            }
        }

        private static boolean firstOnPage(ITemplateContext context) {
            if (!(context instanceof IWebContext web)) {
                return true;
            }
            var request = web.getExchange();
            if (request.getAttributeValue(SHOWN) != null) {
                return false;
            }
            request.setAttributeValue(SHOWN, Boolean.TRUE);
            return true;
        }
    }
}
