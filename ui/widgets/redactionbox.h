#pragma once

#include <QGroupBox>
#include <QList>

class QCheckBox;
class QLabel;
class QPushButton;

namespace vox::ui {

class ApiClient;
class ToastArea;

// Settings → Redaction: one check box per kind of patient data (SSN, card, date of birth, phone,
// e-mail, street address, medical id) that the clinic's stored text loses. Admins change it;
// others read it.
class RedactionBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactionBox)

public:
    RedactionBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void refresh();
    void save();

    // By the API's name: ssn, card, dob, phone, email, address, medical_id.
    QCheckBox *categoryCheck(const QString &name) const;
    QLabel *stateLabel() const { return m_state; }

private:
    struct Category
    {
        QString name;
        QCheckBox *check = nullptr;
    };

    void show(const QJsonObject &settings);

    ApiClient &m_api;
    ToastArea &m_toasts;
    QLabel *m_note = nullptr;
    QLabel *m_state = nullptr;
    QList<Category> m_categories;
    QPushButton *m_save = nullptr;
};

} // namespace vox::ui
