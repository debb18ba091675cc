#include "ui/shell/firstrundialog.h"

#include "ui/shell/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
    , m_embedded(new QRadioButton(tr("Create my clinic on this computer"), this))
    , m_remote(new QRadioButton(tr("Connect to a server"), this))
    , m_url(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(u"firstRunDialog"_s);
    setWindowTitle(tr("Welcome to Voxanne"));
    setWindowIcon(appIcon());
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *welcome = new QLabel(tr("<h2>Welcome to Voxanne</h2>"
                                  "<p>Your AI receptionist answers the clinic's phone. Here you "
                                  "see every call, call leads back and manage appointments.</p>"
                                  "<p>How would you like to start?</p>"),
                               this);
    welcome->setWordWrap(true);
    layout->addWidget(welcome);

    m_embedded->setObjectName(u"embeddedChoice"_s);
    m_embedded->setChecked(true);
    layout->addWidget(m_embedded);
    auto *embeddedNote = new QLabel(tr("Everything runs here, nothing to install. Best for one "
                                       "front desk, or to try Voxanne."),
                                    this);
    embeddedNote->setWordWrap(true);
    embeddedNote->setContentsMargins(24, 0, 0, 6);
    embeddedNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(embeddedNote);

    m_remote->setObjectName(u"remoteChoice"_s);
    layout->addWidget(m_remote);
    m_url->setObjectName(u"serverUrl"_s);
    m_url->setPlaceholderText(tr("https://voxanne.your-clinic.com"));
    m_url->setEnabled(false);
    auto *urlRow = new QVBoxLayout;
    urlRow->setContentsMargins(24, 0, 0, 0);
    urlRow->addWidget(m_url);
    auto *remoteNote = new QLabel(tr("Your IT contact gives you this address."), this);
    remoteNote->setForegroundRole(QPalette::PlaceholderText);
    urlRow->addWidget(remoteNote);
    layout->addLayout(urlRow);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(this);
    m_continue = buttons->addButton(tr("Continue"), QDialogButtonBox::AcceptRole);
    m_continue->setObjectName(u"firstRunContinue"_s);
    buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remote, &QRadioButton::toggled, m_url, &QLineEdit::setEnabled);
    connect(m_remote, &QRadioButton::toggled, this, &FirstRunDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &FirstRunDialog::validate);
    setMinimumWidth(480);
    validate();
}

FirstRunDialog::Choice FirstRunDialog::choice() const
{
    return m_remote->isChecked() ? Choice::Remote : Choice::Embedded;
}

QString FirstRunDialog::serverUrl() const
{
    QString text = m_url->text().trimmed();
    if (!text.isEmpty() && !text.contains(u"://"_s))
        text.prepend(u"https://"_s);
    return text;
}

void FirstRunDialog::setServerUrl(const QString &url)
{
    m_url->setText(url);
}

void FirstRunDialog::chooseRemote()
{
    m_remote->setChecked(true);
    m_url->setFocus();
}

void FirstRunDialog::validate()
{
    if (choice() == Choice::Embedded) {
        m_problem->hide();
        m_continue->setEnabled(true);
        return;
    }
    const QUrl url(serverUrl(), QUrl::StrictMode);
    const bool ok = url.isValid() && !url.host().isEmpty() &&
                    (url.scheme() == u"http" || url.scheme() == u"https");
    m_continue->setEnabled(ok);
    m_problem->setText(tr("Type the server's address, for example "
                          "https://voxanne.your-clinic.com"));
    m_problem->setVisible(!ok && !m_url->text().trimmed().isEmpty());
}

} // namespace vox::ui
