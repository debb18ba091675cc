#pragma once

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vox::ui {

class ApiClient;
class ToastArea;

// Settings → Missed-call text-back: whether a caller who reached nobody gets a text, its wording
// ({clinic} names the clinic) shown as the caller will read it, and how long before the same
// number is texted again. Admins change it; others read it.
class MissedCallTextBackBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissedCallTextBackBox)

public:
    MissedCallTextBackBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void refresh();
    void save();

    QCheckBox *enabledCheck() const { return m_enabled; }
    QLineEdit *templateEdit() const { return m_template; }
    QSpinBox *hoursSpin() const { return m_hours; }
    QLabel *previewLabel() const { return m_preview; }

signals:
    void loaded();
    void saved();

private:
    void showSetting(const QJsonObject &setting);
    void updatePreview();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_template = nullptr;
    QSpinBox *m_hours = nullptr;
    QLabel *m_preview = nullptr;
    QPushButton *m_save = nullptr;
    QString m_clinicName;
    QString m_defaultTemplate;
};

} // namespace vox::ui
