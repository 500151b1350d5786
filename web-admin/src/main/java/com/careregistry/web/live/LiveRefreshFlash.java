package com.careregistry.web.live;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The panel's flash messages ("Agent assigned", "Saved") as Spring keeps them, in the session until the
 * next request of the viewer, except that a live page's background refresh (panel.js sends
 * {@value #HEADER}) is not that next request: it would take the message meant for the page the viewer
 * is going to, and the viewer would never see it.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class LiveRefreshFlash extends SessionFlashMapManager {

    /** The header panel.js puts on a live part's refresh. */
    static final String HEADER = "X-Live-Refresh";

    /** A refresh finds no flash message, so it takes none away either. */
    @Override
    protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        return request.getHeader(HEADER) != null ? null : super.retrieveFlashMaps(request);
    }
}
