#pragma once

#include "ui/api/apiclient.h"
#include "ui/api/session.h"
#include "ui/widgets/toastarea.h"

#include <QSize>
#include <QUrl>
#include <QWidget>

#include <memory>
#include <utility>

namespace vox::test {

// One page of the console on its own, the way the page tests drive it: an API client signed in
// to the test server, a shown host window carrying the toasts, and the page, already asked to
// load. `pageArgs` go to the page's constructor between the toasts and the parent.
template<typename Page> struct PageHost
{
    ui::ApiClient api;
    QWidget host;
    ui::ToastArea toasts{&host};
    std::unique_ptr<Page> page;

    template<typename... PageArgs>
    PageHost(const QString &url, const ui::Session &session, QSize size, PageArgs &&...pageArgs)
    {
        api.setBaseUrl(QUrl(url));
        api.setSession(session);
        page = std::make_unique<Page>(api, toasts, std::forward<PageArgs>(pageArgs)..., &host);
        page->resize(size);
        host.resize(size);
        host.show();
        page->refresh();
    }
};

} // namespace vox::test
