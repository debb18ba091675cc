#include "ui/shell/signupdialog.h"

#include "ui/api/apiclient.h"
#include "ui/shell/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

SignUpDialog::SignUpDialog(ApiClient &api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_clinic(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_zone(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_needed(new QLabel(this))
{
    setObjectName(u"signUpDialog"_s);
    setWindowTitle(tr("Create your clinic"));
    setWindowIcon(appIcon());
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<h2>Create your clinic</h2><p>You will be its owner. We add "
                                "common services and opening hours to start with; you can "
                                "change them any time.</p>"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_clinic->setObjectName(u"signUpClinic"_s);
    m_clinic->setPlaceholderText(tr("Glow Med Spa"));
    m_name->setObjectName(u"signUpName"_s);
    m_name->setPlaceholderText(tr("Dana Smith"));
    m_email->setObjectName(u"signUpEmail"_s);
    m_email->setPlaceholderText(tr("you@clinic.com"));
    m_password->setObjectName(u"signUpPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least 10 characters"));
    m_zone->setObjectName(u"signUpTimeZone"_s);
    const QList<QByteArray> zones{"America/New_York", "America/Chicago",     "America/Denver",
                                  "America/Phoenix",  "America/Los_Angeles", "America/Anchorage",
                                  "Pacific/Honolulu", "America/Toronto",     "America/Vancouver",
                                  "Europe/London",    "Europe/Dublin",       "Europe/Madrid",
                                  "Europe/Berlin",    "Australia/Sydney"};
    for (const QByteArray &zone : zones)
        m_zone->addItem(QString::fromLatin1(zone).replace(u'_', u' '), QString::fromLatin1(zone));
    const QByteArray local = QTimeZone::systemTimeZoneId();
    const int here = m_zone->findData(QString::fromLatin1(local));
    if (here >= 0) {
        m_zone->setCurrentIndex(here);
    } else if (QTimeZone::isTimeZoneIdAvailable(local) && local.contains('/') &&
               !local.startsWith("Etc/")) {
        m_zone->insertItem(0, QString::fromLatin1(local).replace(u'_', u' '),
                           QString::fromLatin1(local));
        m_zone->setCurrentIndex(0);
    }
    form->addRow(tr("Clinic name:"), m_clinic);
    form->addRow(tr("Your name:"), m_name);
    form->addRow(tr("Your e-mail:"), m_email);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Time zone:"), m_zone);
    layout->addLayout(form);
    m_problem->setObjectName(u"signUpProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);
    // A disabled button alone does not say why: what is missing is written under the form.
    m_needed->setObjectName(u"signUpStillNeeded"_s);
    m_needed->setWordWrap(true);
    m_needed->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_needed);
    auto *signIn = new QLabel(tr("<a href=\"login\">I already have an account</a>"), this);
    connect(signIn, &QLabel::linkActivated, this, &SignUpDialog::signInRequested);
    layout->addWidget(signIn);
    auto *buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(tr("Create clinic"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"signUpCreate"_s);
    m_create->setDefault(true);
    buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignUpDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : {m_clinic, m_name, m_email, m_password})
        connect(field, &QLineEdit::textChanged, this, &SignUpDialog::validate);
    setMinimumWidth(460);
    validate();
}

QString SignUpDialog::stillNeeded() const
{
    QStringList missing;
    if (m_clinic->text().trimmed().isEmpty())
        missing << tr("the clinic's name");
    if (!m_email->text().contains(u'@'))
        missing << tr("your e-mail address");
    const qsizetype short_ = 10 - m_password->text().size();
    if (short_ > 0)
        missing << (m_password->text().isEmpty()
                        ? tr("a password of at least 10 characters")
                        : tr("%n more character(s) in the password", nullptr, int(short_)));
    if (missing.isEmpty())
        return {};
    return tr("Still needed: %1.").arg(missing.join(u"; "_s));
}

void SignUpDialog::validate()
{
    const QString needed = stillNeeded();
    m_needed->setText(needed);
    m_needed->setVisible(!needed.isEmpty());
    m_create->setEnabled(!m_busy && needed.isEmpty());
    m_create->setToolTip(needed);
}

void SignUpDialog::create()
{
    if (m_busy)
        return;
    m_busy = true;
    m_problem->hide();
    m_create->setText(tr("Creating…"));
    validate();
    SignUpForm form;
    form.organizationName = m_clinic->text();
    form.fullName = m_name->text();
    form.email = m_email->text();
    form.password = m_password->text();
    form.timeZone = m_zone->currentData().toString();
    m_api.auth().signUp(form, this, [this](Result<Session> session) {
        m_busy = false;
        m_create->setText(tr("Create clinic"));
        validate();
        if (!session) {
            m_problem->setText(session.errorMessage());
            m_problem->show();
            return;
        }
        m_password->clear();
        emit signedUp(*session);
        accept();
    });
}

} // namespace vox::ui
