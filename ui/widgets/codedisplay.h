#pragma once

#include <QLabel>

namespace vox::ui {

// A code a person reads off the screen and types on a phone (a verification code, an
// activation code): large, monospace, spaced out, selectable, on a light panel.
class CodeDisplay final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeDisplay)

public:
    explicit CodeDisplay(double scale, QWidget *parent = nullptr);

    void setCode(const QString &code);
    QString code() const { return m_code; }

private:
    QString m_code;
};

} // namespace vox::ui
