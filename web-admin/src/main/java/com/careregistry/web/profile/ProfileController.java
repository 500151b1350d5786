package com.careregistry.web.profile;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.Passwords;
import com.careregistry.core.account.StaffAccounts;
import com.careregistry.core.account.TwoStepSignIn;
import com.careregistry.core.common.DomainException;
import com.careregistry.web.TypedForm;
import com.careregistry.core.text.Texts;
import com.careregistry.web.security.PanelUser;
import com.careregistry.web.security.SecondStep;
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

/** One's own account: the password, and two-step sign-in with an authenticator app. */
@Controller
class ProfileController {

    static final String VIEW = "profile/profile";
    static final String TOTP = "profile/totp";

    private final StaffAccounts accounts;
    private final Passwords passwords;
    private final TwoStepSignIn twoStep;
    private final SecondStep secondStep;
    private final Texts texts;

    ProfileController(StaffAccounts accounts, Passwords passwords, TwoStepSignIn twoStep, SecondStep secondStep, Texts texts) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.twoStep = twoStep;
        this.secondStep = secondStep;
        this.texts = texts;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal PanelUser user, Model model) {
        model.addAttribute("account", accounts.get(user.accountId()));
        return VIEW;
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal PanelUser user, @RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        passwords.changePassword(user.accountId(), current, password);   // every session of the account ends...
        secondStep.ownPasswordChanged(request, response, user);          // ...but this one
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.profile.password.changed"));
        return "redirect:/profile";
    }

    @GetMapping("/profile/totp")
    String totp(@AuthenticationPrincipal PanelUser user, Model model) {
        LoginAccount account = accounts.get(user.accountId());
        if (!account.totpEnabled()) {
            String secret = twoStep.beginTotp(user.accountId());
            model.addAttribute("secret", secret);
            model.addAttribute("qr", QrCodes.svgDataUri(twoStep.totpUri(user.accountId())));
        }
        model.addAttribute("account", account);
        model.addAttribute("required", twoStep.totpRequiredFor(account));
        return TOTP;
    }

    @PostMapping("/profile/totp")
    String confirmTotp(@AuthenticationPrincipal PanelUser user, @RequestParam(defaultValue = "") String code,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        try {
            twoStep.confirmTotp(user.accountId(), code);
        } catch (DomainException wrong) {
            model.addAttribute("error", texts.explain(LocaleContextHolder.getLocale().getLanguage(), wrong));
            model.addAttribute("typed", TypedForm.of(request, wrong));   // the code field marked wrong (the code is typed again)
            model.addAttribute("account", accounts.get(user.accountId()));
            model.addAttribute("required", twoStep.totpRequiredFor(accounts.get(user.accountId())));
            model.addAttribute("secret", twoStep.beginTotp(user.accountId()));
            model.addAttribute("qr", QrCodes.svgDataUri(twoStep.totpUri(user.accountId())));
            return TOTP;
        }
        secondStep.passed(request, response, user);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.profile.totp.enabled"));
        return "redirect:/profile";
    }

    @PostMapping("/profile/totp/disable")
    String disableTotp(@AuthenticationPrincipal PanelUser user, RedirectAttributes redirect) {
        LoginAccount account = accounts.get(user.accountId());
        if (!twoStep.totpRequiredFor(account)) {
            twoStep.disableTotp(user.accountId());
        }
        return "redirect:/profile";
    }
}
