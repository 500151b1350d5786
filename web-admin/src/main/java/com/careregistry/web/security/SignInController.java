package com.careregistry.web.security;

import com.careregistry.core.account.Passwords;
import com.careregistry.core.account.TwoStepSignIn;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.text.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in pages: the password, the second step, forgotten passwords and invitations. */
@Controller
class SignInController {

    private final Passwords passwords;
    private final TwoStepSignIn twoStep;
    private final SignInFlow signIn;
    private final Texts texts;

    SignInController(Passwords passwords, TwoStepSignIn twoStep, SignInFlow signIn, Texts texts) {
        this.passwords = passwords;
        this.twoStep = twoStep;
        this.signIn = signIn;
        this.texts = texts;
    }

    @GetMapping("/login")
    String login() {
        return "login/login";
    }

    /**
     * A sign-out link (a bookmark, a typed address) asks first: signing out takes a POST with the
     * form's CSRF token, so another site cannot sign anyone out with a link or an image.
     */
    @GetMapping("/logout")
    String logout(@AuthenticationPrincipal PanelUser user) {
        return user == null ? "redirect:/login" : "login/logout";
    }

    @GetMapping("/login/totp")
    String totp() {
        return "login/totp";
    }

    @PostMapping("/login/totp")
    String totp(@AuthenticationPrincipal PanelUser user, @RequestParam(defaultValue = "") String code,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        if (twoStep.verifyTotp(user.accountId(), code)) {
            signIn.completeSignIn(request, response, user);
            return "redirect:/";
        }
        if (!signIn.failedSecondStep(request, user)) {
            request.getSession().invalidate();
            return "redirect:/login?error";
        }
        model.addAttribute("error", texts.get(LocaleContextHolder.getLocale(), "web.login.totp.wrong"));
        return "login/totp";
    }

    @GetMapping("/forgot-password")
    String forgot() {
        return "login/forgot";
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        passwords.startPasswordReset(email, LocaleContextHolder.getLocale().getLanguage());
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.forgot.sent"));
        return "redirect:/forgot-password";
    }

    @GetMapping({"/reset-password", "/set-password"})
    String newPassword(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invite", request.getRequestURI().endsWith("/set-password"));
        if (!passwords.tokenUsable(token)) {
            model.addAttribute("error", texts.get(LocaleContextHolder.getLocale(), "account.link.invalid"));
        }
        return "login/new-password";
    }

    @PostMapping({"/reset-password", "/set-password"})
    String newPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            passwords.setPasswordWithToken(token, password);
        } catch (DomainException refused) {
            model.addAttribute("token", token);
            model.addAttribute("invite", request.getRequestURI().endsWith("/set-password"));
            model.addAttribute("error", texts.explain(LocaleContextHolder.getLocale().getLanguage(), refused));
            return "login/new-password";
        }
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.reset.done"));
        return "redirect:/login";
    }
}
