#pragma once

#include <QLabel>

namespace vox::ui {

// The sentence under a form field that says what is wrong with it ("Enter a name"), in the
// palette's warning colour; takes no room while there is nothing to say.
class FieldMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    explicit FieldMessage(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    void showNote(const QString &text);
    void clear();
    bool hasProblem() const { return m_problem && isVisibleTo(parentWidget()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    bool m_problem = false;
};

// A form field with its message under it, as one row of a form.
QWidget *withFieldMessage(QWidget *field, FieldMessage *message, QWidget *parent);

} // namespace vox::ui
