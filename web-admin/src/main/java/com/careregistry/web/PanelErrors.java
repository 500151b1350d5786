package com.careregistry.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page the server shows when something went wrong (a 403, a 404, a failure), in the reader's
 * language and without details. Opened on its own, {@code /error} is a page that is not there: it
 * answers like any other missing page, never with a failure of its own.
 */
@Controller
class PanelErrors implements ErrorController {

    static final String VIEW = "error";

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        return new ModelAndView(VIEW, Map.of("status", status.value()), status);
    }
}
