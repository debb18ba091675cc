#include "ui/shell/logindialog.h"

#include "ui/api/apiclient.h"
#include "ui/shell/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LoginDialog::LoginDialog(ApiClient &api, const QString &serverDescription, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_notice(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_alternatives(new QLabel(this))
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Sign in to Voxanne"));
    setWindowIcon(appIcon());
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<h2>Sign in</h2>"), this);
    layout->addWidget(heading);
    auto *where = new QLabel(serverDescription, this);
    where->setForegroundRole(QPalette::PlaceholderText);
    where->setWordWrap(true);
    layout->addWidget(where);
    m_notice->setObjectName(u"loginNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *form = new QFormLayout;
    m_email->setObjectName(u"loginEmail"_s);
    m_email->setPlaceholderText(tr("you@clinic.com"));
    m_password->setObjectName(u"loginPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);

    m_problem->setObjectName(u"loginProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);

    m_alternatives->setObjectName(u"loginAlternatives"_s);
    m_alternatives->setTextFormat(Qt::RichText);
    layout->addWidget(m_alternatives);
    connect(m_alternatives, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"create")
            emit createClinicRequested();
        else if (link == u"server")
            emit changeServerRequested();
        else if (link == u"forgot")
            setNotice(tr("Ask an owner or admin of your clinic to reset it: in Settings → People "
                         "they choose \"Reset password…\" and give you a temporary password. You "
                         "choose your own when you sign in with it."));
    });

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_email, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::validate);
    setMinimumWidth(420);
    setAlternatives(false, false);
    validate();
}

void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    if (!email.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LoginDialog::setAlternatives(bool canCreateClinic, bool canChangeServer)
{
    // Forgetting a password happens on every server; the way back is always offered.
    QStringList links{tr("<a href=\"forgot\">Forgot your password?</a>")};
    if (canCreateClinic)
        links << tr("<a href=\"create\">Create a new clinic</a>");
    if (canChangeServer)
        links << tr("<a href=\"server\">Use another server</a>");
    m_alternatives->setText(links.join(u" · "_s));
    m_alternatives->show();
}

QString LoginDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void LoginDialog::validate()
{
    m_signIn->setEnabled(!m_busy && m_email->text().contains(u'@') &&
                         !m_password->text().isEmpty());
}

void LoginDialog::signIn()
{
    if (m_busy)
        return;
    m_busy = true;
    m_problem->hide();
    m_signIn->setText(tr("Signing in…"));
    validate();
    m_api.auth().login(m_email->text(), m_password->text(), this, [this](Result<Session> session) {
        m_busy = false;
        m_signIn->setText(tr("Sign in"));
        validate();
        if (!session) {
            m_problem->setText(session.errorMessage());
            m_problem->show();
            m_password->selectAll();
            m_password->setFocus();
            return;
        }
        m_password->clear();
        emit signedIn(*session);
        accept();
    });
}

} // namespace vox::ui
