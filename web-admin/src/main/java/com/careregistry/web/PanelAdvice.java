package com.careregistry.web;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.text.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A rule of the core said no: the person is taken back to the page they came from, with the
 * reason in plain words and the form as they had filled it in ({@link TypedForm}). Something that is not there gets the friendly 404 page.
 */
@ControllerAdvice
class PanelAdvice {

    static final String TYPED = "typed";

    private final Texts texts;

    PanelAdvice(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", java.util.Map.of("status", 404));
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException refusal, HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, Object> flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("error", texts.explain(LocaleContextHolder.getLocale().getLanguage(), refusal));
        if ("POST".equals(request.getMethod())) {
            flash.put(TYPED, TypedForm.of(request, refusal));   // the form comes back as it was sent, its wrong field marked
        }
        return "redirect:" + backTo(request);
    }

    /**
     * The same ticket (or agent) was changed by someone else in the same instant (another click, a
     * chat message, auto-assignment): nothing of this request was kept; it is said so, with the form
     * as it was, instead of an error page.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    String changedMeanwhile(HttpServletRequest request, RedirectAttributes redirect) {
        return refused(new DomainException("web.changed-meanwhile"), request, redirect);
    }

    /** No form was refused: every field shows its own default. */
    @ModelAttribute(TYPED)
    TypedForm nothingTyped() {
        return TypedForm.NONE;
    }

    /** The page the form was on, if it is one of ours; else the start. */
    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
                    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: fall back to the start
            }
        }
        return "/";
    }
}
