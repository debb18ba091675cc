#pragma once

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;

namespace vox::ui {

class ApiClient;
class ToastArea;

// Settings → Reminders: the clinic's automatic reminders (which, by SMS and/or e-mail, their
// words and the quiet hours), with the SMS previewed as a patient reads it and the parts it
// costs. Admins change it; others read it.
class RemindersBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemindersBox)

public:
    RemindersBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void refresh();
    void save();

    QPlainTextEdit *smsTemplateEdit() const { return m_smsTemplate; }
    QLabel *previewLabel() const { return m_preview; }
    QLabel *segmentsLabel() const { return m_segments; }

private:
    void updatePreview();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_atBooking = nullptr;
    QCheckBox *m_dayBefore = nullptr;
    QCheckBox *m_twoHours = nullptr;
    QCheckBox *m_sms = nullptr;
    QCheckBox *m_email = nullptr;
    QTimeEdit *m_quietStart = nullptr;
    QTimeEdit *m_quietEnd = nullptr;
    QPlainTextEdit *m_smsTemplate = nullptr;
    QLineEdit *m_emailSubject = nullptr;
    QPlainTextEdit *m_emailTemplate = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_segments = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace vox::ui
