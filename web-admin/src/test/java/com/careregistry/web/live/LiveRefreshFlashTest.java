package com.careregistry.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/**
 * A flash message ("Agent assigned") waits for the page the viewer goes to next: a live page's
 * background refresh, which may run between the redirect and that page, neither shows nor takes it.
 */
class LiveRefreshFlashTest {

    final LiveRefreshFlash flash = new LiveRefreshFlash();
    final MockHttpSession session = new MockHttpSession();

    @Test
    void aLiveRefreshLeavesTheFlashMessageForTheNextPage() {
        FlashMap saved = new FlashMap();
        saved.put("notice", "Agent assigned");
        flash.saveOutputFlashMap(saved, request("POST", "/admin/tickets/7/assign", false), new MockHttpServletResponse());

        assertThat((Object) flash.retrieveAndUpdate(request("GET", "/admin/tickets", true), new MockHttpServletResponse()))
                .as("the refresh of the list still open in the browser").isNull();

        FlashMap shown = flash.retrieveAndUpdate(request("GET", "/admin/tickets/7", false), new MockHttpServletResponse());
        assertThat((java.util.Map<String, Object>) shown).isNotNull().containsEntry("notice", "Agent assigned");
        assertThat((Object) flash.retrieveAndUpdate(request("GET", "/admin/tickets/7", false), new MockHttpServletResponse()))
                .as("shown once").isNull();
    }

    private MockHttpServletRequest request(String method, String uri, boolean liveRefresh) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setSession(session);
        if (liveRefresh) {
            request.addHeader(LiveRefreshFlash.HEADER, "1");
        }
        return request;
    }
}
