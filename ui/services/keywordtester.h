#pragma once

#include "ui/api/servicerecord.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace vox::ui {

// "Test keywords": paste what a caller said and see which services it matches and what the
// call would be worth, by the pricing engine's own rule (core/servicematch.h, which the server
// applies to every call), over the services as they are being edited.
class KeywordTester final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeywordTester)

public:
    explicit KeywordTester(QWidget *parent = nullptr);

    void setServices(const QList<ServiceRecord> &services);
    void setSentence(const QString &text);
    QPlainTextEdit *input() const { return m_input; }
    QString resultText() const;
    QStringList matchedNames() const { return m_matched; }
    qint64 valueCents() const { return m_valueCents; }

private:
    void update();

    QPlainTextEdit *m_input;
    QLabel *m_result;
    QList<ServiceRecord> m_services;
    QStringList m_matched;
    qint64 m_valueCents = 0;
};

} // namespace vox::ui
