#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;

namespace vox::ui {

class FlowLayout;

// Keywords as chips: each one a small rounded label with ×; type a word or phrase and press
// Enter or a comma to add it. Keywords are kept the way the server keeps them (lower case,
// single spaces, no repeats).
class KeywordChips final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeywordChips)

public:
    explicit KeywordChips(QWidget *parent = nullptr);

    QStringList keywords() const { return m_keywords; }
    void setKeywords(const QStringList &keywords);
    void setReadOnly(bool readOnly);
    QLineEdit *input() const { return m_input; }
    // Adds what is typed in the input, as if Enter was pressed.
    void commitInput();

signals:
    // The user added or removed a keyword.
    void edited(const QStringList &keywords);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void add(const QString &text);
    void remove(const QString &keyword);

    FlowLayout *m_flow;
    QLineEdit *m_input;
    QList<QWidget *> m_chips;
    QStringList m_keywords;
    bool m_readOnly = false;
};

} // namespace vox::ui
