//! The screens the page is made for, as Chromium emulates them.

use serde_json::json;

use crate::Harness;

/// A screen, as Chromium emulates it: CSS pixels wide and high, device pixels per CSS pixel,
/// and whether it is a phone (which then honours the page's viewport meta).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
    pub mobile: bool,
}

impl Screen {
    /// A trainer's laptop, 1366×768.
    pub const LAPTOP: Screen = Screen::desktop(1366, 768, 1.0);
    /// A phone.
    pub const PHONE: Screen = Screen::phone(360, 740);
    /// The narrowest phone the page is made for.
    pub const NARROW_PHONE: Screen = Screen::phone(320, 640);
    /// A 1280×720 laptop at 200% zoom: 640×360 CSS pixels.
    pub const ZOOM_200: Screen = Screen::desktop(640, 360, 2.0);

    /// A desktop screen of `width`×`height` CSS pixels, `scale` device pixels to each.
    pub const fn desktop(width: u32, height: u32, scale: f64) -> Screen {
        Screen {
            width,
            height,
            scale,
            mobile: false,
        }
    }

    /// A phone of `width`×`height` CSS pixels, two device pixels to each.
    pub const fn phone(width: u32, height: u32) -> Screen {
        Screen {
            width,
            height,
            scale: 2.0,
            mobile: true,
        }
    }
}

impl Harness {
    /// Shows the page on `screen` from now on.
    pub async fn emulate(&self, screen: Screen) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": screen.width,
                "height": screen.height,
                "deviceScaleFactor": screen.scale,
                "mobile": screen.mobile,
            }),
        )
        .await
        .unwrap_or_else(|e| panic!("emulate the screen {screen:?}: {e}"));
    }
}
