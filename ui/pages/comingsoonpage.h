#pragma once

#include "ui/pages/page.h"

namespace vox::ui {

// A tidy stand-in for an area that arrives in the next update (Services, Knowledge, Agent,
// Telephony, Integrations, Settings): says what it will do, never a blank or a crash.
class ComingSoonPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComingSoonPage)

public:
    ComingSoonPage(const QString &title, const QString &purpose, QWidget *parent = nullptr);

    QString title() const override { return m_title; }
    void refresh() override {}

private:
    QString m_title;
};

} // namespace vox::ui
