<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AddServiceCommand</name>
    <message>
        <source>Add service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Please try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again in %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1. Check that the server is running and that this computer is online, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the details are not right. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clashes with something that already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link or code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected happened. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy right now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <comment>urgency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <comment>urgency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <comment>urgency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation></translation>
    </message>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(555) 123-4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>020 7946 0958</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number with its area code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditServiceCommand</name>
    <message>
        <source>Change name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change free time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDescription</name>
    <message>
        <source>New call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call ended with a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with %1 ended with a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call was updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with %1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new hot lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a hot lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact was updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 booked %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 booked an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s appointment changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An integration changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI receptionist&apos;s settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The knowledge base changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text message was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio has not yet confirmed a text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio confirmed a text message was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text message was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting %1 failed; the previous connection still works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped working: reconnect it on the Integrations page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text message is waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient confirmed an appointment by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient asked by text to cancel an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient asked by text to move an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient asked not to be texted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient agreed to be texted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient sent a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is transferring a caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is transferring a caller to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is transferring %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is transferring %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action on a live call did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone at the clinic spoke to a caller on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone at the clinic whispered to the AI on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI was muted on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI was unmuted on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone at the clinic ended a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live call was transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live call was transferred to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone at the clinic acted on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is speaking on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caller is speaking on a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live call&apos;s transcript moved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live call changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call was reviewed: %1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call was reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call review tags changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order of the transfer destinations changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer destination was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer destination removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer destination changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer destination changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneProblem</name>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number can only contain digits, spaces, dashes, dots and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;+&apos; can only come first, before the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with &apos;+&apos; and the country code, for example +1 555 123 4567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A country code never starts with 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too short: E.164 numbers have 7 to 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too long: E.164 numbers have at most 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid international (E.164) phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too short: a North American number has 10 digits, area code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too long for a North American number; for another country, start with &apos;+&apos; and its country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A North American area code never starts with 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too short: include the area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That number is too long for the clinic&apos;s country; for another country, start with &apos;+&apos; and its country code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingProblem</name>
    <message>
        <source>This recording is no longer stored: its address answers “not found”. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to this recording has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording&apos;s storage refused access (HTTP %1); its link may have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be reached. Check that this computer is online, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is in a format the console cannot play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording&apos;s storage had a problem (HTTP %1). Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveServiceCommand</name>
    <message>
        <source>Delete service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front desk (staff)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelephonyText</name>
    <message>
        <source>AT&amp;T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T-Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another GSM carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another CDMA carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A carrier outside the US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone does not ring: every call goes straight to the AI receptionist. Good for after hours, or when nobody is at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone rings first. If nobody answers in time, or the line is busy, the AI receptionist picks up, so no caller is missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding to the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code not dialed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect the clinic&apos;s Twilio account first (Integrations, Twilio): Twilio makes the verification call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid number. Use the international form: + and the country code, then the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio could not call this number. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Check it and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the clinic&apos;s Twilio number first (Integrations, Twilio): the calls are forwarded to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is the AI&apos;s own number; it cannot forward to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your carrier does not accept this ring time. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the details are not right. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is no longer on the clinic&apos;s list. Start again with “Add a number”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is already verified for your clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio has not heard the code yet. Answer Twilio&apos;s call, type the code on the phone&apos;s keypad, then press Confirm again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify this number before setting up forwarding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This verification has ended. Ask for a new call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new call to get a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong codes for this number. It is locked for %1; try again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many verification calls to this number. You can ask for another one in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not answer. Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyHours</name>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, all day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours differ by day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voxanne Console: calls, leads and appointments of your AI receptionist.

Without options it opens the clinic you used last, or asks how to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the Voxanne server at URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the clinic&apos;s server on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the server on this computer (its database and secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a demo clinic on this computer (simulated phone, text and e-mail providers) and sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light, dark or system (default: the choice in Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en or es (default: the choice in Settings).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::console::EmbeddedServer</name>
    <message>
        <source>A backup is already being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AboutDialog</name>
    <message>
        <source>About Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Voxanne Console %1&lt;/h2&gt;&lt;p&gt;The AI receptionist&apos;s desk: calls, leads and appointments.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Console&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Server&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Connected to&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%4 (built with %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;System&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AccessLogPanel</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a call and its transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Played a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported a transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a shared recording link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed a patient&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read patients&apos; texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listened in to a live call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every time someone opens a call&apos;s transcript, plays or shares a recording, views a patient&apos;s history or reads patients&apos; texts, it is recorded here. Nobody can change or delete these records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s name or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported a list to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only what this person of the clinic looked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this kind of access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day shown; &quot;Any&quot; for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day shown; &quot;Any&quot; for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who opened patients&apos; calls, recordings, histories and texts, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped listening to a live call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ActivationCodeStep</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial this code on the clinic&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone company switches the forwarding on when you dial it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve dialed the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code, to send it to the phone or keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Dial it from the phone that has the SIM card of %1&lt;/b&gt;, not from another phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the phone&apos;s dialer (the keypad you call with).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; exactly as shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Call, and wait for the confirmation tone or message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Come back here and press “I&apos;ve dialed the code”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To stop forwarding later, dial &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; from the same phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AgentPage</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your AI receptionist introduces itself and what it knows about the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for calling Glow Med Spa, this is Voxanne. How can I help you today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions (what the AI should know and how it should behave):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the AI service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the receptionist a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not offer the agent&apos;s settings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; The AI&apos;s tools could not be linked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools the AI can use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the saved settings to Vapi again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; In sync with Vapi (since %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved · sending to Vapi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved · sending to Vapi… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved and sent to Vapi. Linking the AI&apos;s tools (booking, availability, questions)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Saved here, but not in sync with Vapi. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the AI receptionist gives callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice the AI receptionist speaks with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the AI says when it answers a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the AI receptionist behaves on calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receptionist&apos;s changes are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a voice or type a voice&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; In sync with the sandbox&apos;s Vapi (since %2): no real calls are answered with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every call with the recording disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;This call is recorded for quality and your care.&quot; Several US states require every caller to be told; it is on by default where the clinic&apos;s time zone covers one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers will hear the recording disclosure first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers will no longer hear the recording disclosure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers hear: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet sent to the AI service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the AI service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the saved settings to Vapi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ApiClient</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer the console does not understand. It may be a different version; please tell your IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentBlock</name>
    <message>
        <source>Shows the appointment below, to move, cancel or remind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentCalendar</name>
    <message>
        <source>Appointments on a time grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointments of the days shown, by time; closed hours are shaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date pattern of a day</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentDialog</name>
    <message>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jane Doe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free times:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &lt;b&gt;%1&lt;/b&gt;&apos;s %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 min, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free times on this day. Try another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in the clinic&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentsModel</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentsPage</name>
    <message>
        <source>New appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointments could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading appointments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book one with “New appointment”, or choose another period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an appointment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment has already started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to another free time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and free the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind the patient by text or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an appointment to move it, cancel it or send a reminder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder sent ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminder sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked %1 for %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment was cancelled; the time is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1&apos;s %2 on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder texted to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder e-mailed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not confirm the reminder to %1. It may have arrived, so do not send it again: Recent activity will show the outcome in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which appointments the list shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointments in the chosen period, earliest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the call that booked it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointments of a period, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One day&apos;s appointments by time, within the opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A week&apos;s appointments by time, a column per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the grid of today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the grid before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the grid after this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date pattern of one day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text messages are not set up for this clinic yet. An admin can connect Twilio under Integrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail is not set up for this clinic yet. An admin can set it up under Integrations.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CallDetailPanel</name>
    <message>
        <source>Text messages are not set up for this clinic yet. An admin can connect Twilio under Integrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail is not set up for this clinic yet. An admin can set it up under Integrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a call on the left to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transcript could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No summary for this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Mood:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (urgency: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Booked:&lt;/b&gt; yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Value:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Services mentioned:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Lead score:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is still being processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording of this call failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording for this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript for this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1 a follow-up text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail a link to this recording (valid for 24 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the transcript as a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording link was sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks for calling! Reply to this message or call us to book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi %1, thanks for calling! Reply to this message or call us to book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transcript could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not confirm the text to %1. It may have arrived, so do not send it again: Recent activity will show the outcome in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked: what the caller said about %1, which the call&apos;s value was counted from.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CallReviewBox</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well the AI handled the call, from 1 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 – Great</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 – Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 – Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 – Needs work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 – Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the score, tags and note for the whole clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the clinic&apos;s review tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the list of tags reviewers choose from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks the call with this review tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review tags saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CallsModel</name>
    <message>
        <source>Unknown number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CallsPage</name>
    <message>
        <source>Search by name, number or words said…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With or without recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try fewer filters or another search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls your AI receptionist answers will appear here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the latest %1 calls — scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the calls that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s calls, newest first. Arrows move between calls; the chosen call&apos;s recording, transcript and actions are beside the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CarrierStep</name>
    <message>
        <source>Total AI: the AI answers every call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety Net: the AI answers the calls you miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How should calls reach the AI?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your phone company and when the AI receptionist should answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code you will dial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ring for %n second(s) before the AI answers</source>
        <translation>
            <numerusform>Ring for %n second before the AI answers</numerusform>
            <numerusform>Ring for %n seconds before the AI answers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 uses its own ring time (about 30 seconds); it cannot be changed from the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts %2 to %3 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the phone company and the mode to see the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[AI number]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To turn forwarding off later, you would dial %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your carrier does not accept this ring time. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your code…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ChangePasswordDialog</name>
    <message>
        <source>Save password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in with a temporary password that someone else knows. Choose your own before you go on; your other sessions are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your other sessions are signed out when the password changes; this one stays signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password you signed in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long; use a shorter password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password different from the one you have now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your password was changed; %n other session(s) were signed out.</source>
        <translation>
            <numerusform>Your password was changed; %n other session was signed out.</numerusform>
            <numerusform>Your password was changed; %n other sessions were signed out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ConfirmationStep</name>
    <message>
        <source>All set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI receptionist now answers your clinic&apos;s calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls go to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test it: call the clinic&apos;s number from another phone. To switch forwarding off, use the Telephony page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number is now forwarding to Voxanne AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the AI answers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your carrier&apos;s own (about 30 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::ConsoleController</name>
    <message>
        <source>Clinic server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voxanne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of the console cannot run the clinic server on this computer. Connect to a server instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo clinic. You are its front desk (%1, password %2). To try the admin pages, sign out and sign in as the owner: %3, password %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voxanne backups (*.dump)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to %1, and the clinic&apos;s keys to %1.secrets.ini. Keep both somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed and no file was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CsvDownload</name>
    <message>
        <source>The file cannot be written at %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written at %1: %2. The disk may be full; free some space or choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke before the whole list arrived, so nothing was saved. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::CsvExportButton</name>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the rows the filters show as a spreadsheet file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the %1 the filters show as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel and other spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Saved %n row to %1.</numerusform>
            <numerusform>Saved %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::DashboardPage</name>
    <message>
        <source>Pipeline value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls that booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average call length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet today. New calls and bookings show up here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls and bookings per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of the services callers asked about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 incoming calls booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 call in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth a call back soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period the figures and the chart cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls, bookings and hot leads as they happen; Enter or a double-click opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s)</source>
        <translation>
            <numerusform>%1: %n call</numerusform>
            <numerusform>%1: %n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::DeactivationDialog</name>
    <message>
        <source>Forwarding turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voxanne no longer expects calls from %1. To stop your phone company forwarding them, dial this code from that phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Call and wait for the confirmation tone or message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::EmptyState</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ExportProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows saved so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the export and removes the unfinished file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) so far (%1)</source>
        <translation>
            <numerusform>%Ln row so far (%1)</numerusform>
            <numerusform>%Ln rows so far (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1% saved: %Ln row(s), %2 of %3</source>
        <translation>
            <numerusform>%1% saved: %Ln row, %2 of %3</numerusform>
            <numerusform>%1% saved: %Ln rows, %2 of %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving %1 as CSV failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::FirstRunDialog</name>
    <message>
        <source>Create my clinic on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Voxanne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Voxanne&lt;/h2&gt;&lt;p&gt;Your AI receptionist answers the clinic&apos;s phone. Here you see every call, call leads back and manage appointments.&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything runs here, nothing to install. Best for one front desk, or to try Voxanne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://voxanne.your-clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your IT contact gives you this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the server&apos;s address, for example https://voxanne.your-clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::FollowUpDialog</name>
    <message>
        <source>Send a follow-up text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi, thanks for calling! We have openings tomorrow at 2 PM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 — 1 character too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 — %3 characters too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 · %n text(s), sent as Unicode (“%3”)</source>
        <translation>
            <numerusform>%1 / %2 · %n text, sent as Unicode (“%3”)</numerusform>
            <numerusform>%1 / %2 · %n texts, sent as Unicode (“%3”)</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not in the basic SMS alphabet, so this text is sent as Unicode: 70 characters per text instead of 160. A longer text is sent in parts, and each part is billed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 · %n text(s)</source>
        <translation>
            <numerusform>%1 / %2 · %n text</numerusform>
            <numerusform>%1 / %2 · %n texts</numerusform>
        </translation>
    </message>
    <message>
        <source>Some characters (such as € [ ] { } ~ ^ | \) take the room of two, so this text is sent in parts, and each part is billed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::HourHeatMap</name>
    <message>
        <source>Inbound calls by weekday and hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %n call(s)%4</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %n call%4</numerusform>
            <numerusform>%1 %2:00–%3:00: %n calls%4</numerusform>
        </translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::InboxPage</name>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages with the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number has opted out of text messages (STOP). It gets no texts until the patient sends START.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks every text of this patient read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No texts from patients yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts of up to 160 plain characters go as one SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS parts: %1 · %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS parts: %1 · %2 characters (Unicode because of “%3”: 70 per part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not confirm the text. It may have reached the patient: do not send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic (automatic, after a missed call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n new</source>
        <translation>
            <numerusform>%1 · %n new</numerusform>
            <numerusform>%1 · %n new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::IntegrationsPage</name>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save e-mail settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can connect accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar: bookings in your calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments the AI books appear in the clinic&apos;s Google Calendar, and busy times there are never offered to callers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail: reminders and shared recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glow Med Spa &lt;desk@glowmedspa.com&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re_… (leave empty to keep the current key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar is connected (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish connecting in your web browser; this page notices when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; The calendar link of &lt;b&gt;%2&lt;/b&gt; stopped working. Connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected as &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server is not set up for Google sign-in (it has no Google client). Ask your IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails go out as %1, with the clinic&apos;s Resend key (ending %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails go out as %1, with the server&apos;s Resend key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up: enter the address e-mails should come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web browser could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar is disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect Google Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect Google Calendar? New bookings no longer appear in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address (desk@clinic.com) or a name and an address (Glow Med Spa &lt;desk@clinic.com&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Resend API key starts with re_.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails would go out as %1, but there is no Resend key yet: enter the clinic&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar is disconnected here, but Google did not confirm it. To be sure, remove Voxanne under Third-party access in the Google account&apos;s security settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the accounts work could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts and reminders (Twilio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not working: ask an admin to connect it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped working: ask an admin to connect it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox:&lt;/b&gt; Twilio, e-mail (Resend), Google Calendar and Vapi are the provider sandbox on this computer. Texts, calls and e-mails land there; no patient receives them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails go to the sandbox&apos;s Resend as %1: they stay on this computer and nobody receives them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::KeywordChips</name>
    <message>
        <source>Add a keyword, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New keyword</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::KeywordTester</name>
    <message>
        <source>Paste what a caller said to see which services it matches and what the call would be worth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: “Hi, how much is a lip filler, and do you do Botox too?”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service matches. Add the words callers use as keywords of the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches %1. The call would be worth &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of what a caller says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services it mentions and the call&apos;s value show below, by the same rule the AI uses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::KnowledgePage</name>
    <message>
        <source>Upload documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents the AI receptionist answers callers&apos; questions from: price lists, FAQs, aftercare notes, policies. PDF, text or Markdown, up to 20 MB each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a caller might ask, e.g. “How long does Botox last?”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is given the passages below to answer from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload your price list or FAQ so the AI can answer callers&apos; questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s owner or an admin can add documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be added: only PDF, text (.txt) and Markdown (.md) documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 20 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 added: %n passage(s) the AI can use.</source>
        <translation>
            <numerusform>%1 added: %n passage the AI can use.</numerusform>
            <numerusform>%1 added: %n passages the AI can use.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? The AI stops answering from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the documents matches. The AI would say it does not know, and offer to have someone call back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The AI would be given %n passage(s), best first:</source>
        <translation>
            <numerusform>The AI would be given %n passage, best first:</numerusform>
            <numerusform>The AI would be given %n passages, best first:</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents the AI answers callers&apos; questions from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parts of the documents the AI would use to answer the test question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadDetailPanel</name>
    <message>
        <source>Choose a lead to see their calls and appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your AI receptionist calls this person now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color: %1; font-weight: bold&quot;&gt;%2&lt;/span&gt; · score %3 of 100 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services mentioned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interested in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 at %2 now? Your AI receptionist will place the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: starting the call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: dialling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: on the call now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: the call has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: the call could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Needs attention: urgent, or a concern after a treatment. Call them today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the name, e-mail, status, language, texts or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls with this lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every call with this person; Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments of this lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s appointments, past and coming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadEditDialog</name>
    <message>
        <source>Do not send text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead&apos;s name as the clinic writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where reminders by e-mail go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost takes the lead off the call-back list; New or Contacted puts it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language to speak and write to this person in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When checked, the clinic sends this person no SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything the front desk should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadsModel</name>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent, or a concern after a treatment: call today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the call-back list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadsPage</name>
    <message>
        <source>All leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score 70 or more: call back soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score 40 to 69</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score under 40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only these leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, phone or e-mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leads could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leads yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leads match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who calls the clinic becomes a lead here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another card, status or search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the leads to call back with this score (not those who booked or were lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the leads with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people who called, with their score and status. The chosen lead&apos;s details and actions are beside the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead shown on the right is not in this list (its filters hide it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, shown on the right, is not in this list (its filters hide them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ListenPanel</name>
    <message>
        <source>No audio output was found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The audio output cannot play the call&apos;s sound (%1 Hz, %n channel(s)).</source>
        <translation>
            <numerusform>The audio output cannot play the call&apos;s sound (%1 Hz, %n channel).</numerusform>
            <numerusform>The audio output cannot play the call&apos;s sound (%1 Hz, %n channels).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audio output could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear the caller and the AI as they speak. Listening is recorded in the access log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Listening (%1 kHz, %n channel(s))</source>
        <translation>
            <numerusform>Listening (%1 kHz, %n channel)</numerusform>
            <numerusform>Listening (%1 kHz, %n channels)</numerusform>
        </translation>
    </message>
    <message>
        <source>How loud the call plays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ListenStream</name>
    <message>
        <source>The call has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call is not one of your clinic&apos;s calls in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has ended; there is nothing to listen to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening stopped: the connection to the server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LiveCallsModel</name>
    <message>
        <source>Caller speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LiveCallsPanel</name>
    <message>
        <source>Calls in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each call&apos;s caller, how long it has run and what is happening; Enter or a click opens it on the Live page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to follow the call on the Live page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls in progress could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in progress right now. A call shows here as soon as the AI answers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress</source>
        <translation>
            <numerusform>%n call in progress</numerusform>
            <numerusform>%n calls in progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::LivePage</name>
    <message>
        <source>&amp;Whisper to AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;y to caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each call with its caller, how long it has run and who is speaking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is said on the chosen call appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the AI, or words to say to the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI reads this note; the caller does not hear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI says these words to the caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the AI speaking while you listen; press again to let it speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls in progress could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call appears here as soon as the AI answers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (emergencies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a call to follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;mute AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up on the caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can end a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call cannot be taken over: Vapi gave it no control address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI has your note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is saying it to the caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI speaks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI is muted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be put through to %2. The AI leaves the call; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call is being transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call with %1 ends now. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller and the AI say on the chosen call, as they say it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::LoginDialog</name>
    <message>
        <source>Sign in to Voxanne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;create&quot;&gt;Create a new clinic&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;server&quot;&gt;Use another server&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an owner or admin of your clinic to reset it: in Settings → People they choose &quot;Reset password…&quot; and give you a temporary password. You choose your own when you sign in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;forgot&quot;&gt;Forgot your password?&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::MainWindow</name>
    <message>
        <source>Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calls and bookings appear as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to live updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection dropped; the console reconnects on its own and catches up with anything it missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are off. Press F5 to read the page again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave without saving? What you changed will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox providers — nothing is really sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls, texts and e-mails go to the provider sandbox on this computer. No patient receives them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s pages; Ctrl+1 to Ctrl+0 open the first ten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call coming through to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They said: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient texted the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::MessagesAuditPanel</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed-call text-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply from the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every text and e-mail the clinic sent (reminders, text-backs, replies) and every text patients sent, with what became of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only messages the clinic sent, or only those it received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent and received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only texts or only e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts and e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only messages with this outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts and e-mails sent and received, newest first, with their outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To or from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirms the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks to move the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for no more texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts allowed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::MissedCallTextBackBox</name>
    <message>
        <source>Missed-call text-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a caller reaches nobody (hangs up during the greeting, silence, voicemail, a transfer nobody took, a failed call), they get one text so they can answer or wait for a call back. Numbers that opted out, landlines and toll-free numbers get none. A call in the quiet hours (Reminders) is texted back when they end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text callers we missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{clinic} becomes the clinic&apos;s name. Empty: the default wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number is texted back at most once in this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers get:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once per number every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save text-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed-call text-back saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::NotificationsButton</name>
    <message>
        <source>Notifications (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot leads and bookings that came in; choose one to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::PatientDataActions</name>
    <message>
        <source>Legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep everything about this patient: nightly retention skips them and they cannot be erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export patient data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything held about this patient as a readable report and a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the legal hold before erasing this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this patient&apos;s details for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient is on legal hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legal hold is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the patient&apos;s data in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be written in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.txt and %1.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase %1 for good? This cannot be undone.

• Their name, phone number and e-mail are deleted.
• Their calls keep only the time, length, outcome and value: transcripts, summaries and recordings are deleted here and at Vapi.
• Their messages lose their text and recipient.
• Their appointments stay in the calendar without their name or notes.
• A record that an erasure happened, by you, is kept without their details.

Export their data first if they asked for a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient was erased.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::PhoneNumberStep</name>
    <message>
        <source>Show this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number your patients call today. Twilio will call it once, so we know the phone is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call me with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio&apos;s call shows a code on this screen; you type it on the phone&apos;s keypad. Nothing else is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many verification calls to this number. You can ask for another one in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We will call &lt;b style=&quot;font-family:&apos;%1&apos;&quot;&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Twilio to call %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number, with its area code:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::RecordingPlayer</name>
    <message>
        <source>Play the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to jump to a moment of the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays or pauses the call&apos;s recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to fetch the recording again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording stopped loading: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::RecordingSharesList</name>
    <message>
        <source>Shared links that still work:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was withdrawn; it no longer plays the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this link now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::RedactionBox</name>
    <message>
        <source>Redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is checked is replaced by a [REDACTED] mark before transcripts, summaries, live lines, patients&apos; texts and CSV exports are kept or leave the console. The caller&apos;s own number and name stay on the call and the contact, so you can always call back. New clinics redact all seven; a change applies to what is stored from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social security numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123-45-6789, or nine digits after &quot;social security&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment card numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13 to 19 digits that pass the card number checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates after &quot;born&quot; or &quot;date of birth&quot;, and dates two years back or more; appointment dates stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers said in the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers such as 555-123-4567 or +34 912 345 678; times and prices stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written, or spoken as in &quot;jane dot doe at gmail dot com&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A house number and street, such as 42 Oak Street, Apt 3B, and PO boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical record and insurance numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number after MRN, medical record, patient ID, member ID or policy number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves which kinds of patient data are redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redaction is switched off for this clinic: text is kept as it was said.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redaction saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::RemindersBox</name>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients are reminded of their appointments by themselves. A text due in the quiet hours goes when they end, in the morning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reminders automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 h before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients whose contact prefers Spanish get the default words in Spanish; words you write are sent as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), %1 of %2 characters (%3)</source>
        <translation>
            <numerusform>%n SMS part, %1 of %2 characters (%3)</numerusform>
            <numerusform>%n SMS parts, %1 of %2 characters (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unicode, fewer per part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this time no reminder is texted; it waits until quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders held back overnight are texted at this time, in the clinic&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reminder&apos;s text message; {first_name}, {service}, {date}, {time} and {clinic} are filled in for each patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject line of the reminder e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reminder e-mail&apos;s text; the same placeholders as the text message are filled in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ReportsPage</name>
    <message>
        <source>Compare with the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The days the report covers; Custom takes the first and last day as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming calls. Transferred: the call was handed to a person. Missed: it failed or ended without anyone talking. Answered by the AI: the rest that ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming and outgoing calls that started in the period, by the clinic&apos;s calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming calls outside the opening hours set in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per day of the clinic&apos;s calendar; the grey bars are the same day of the period before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When callers call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From call to appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming calls that booked ÷ incoming calls × 100, as on the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming calls during which an appointment was booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step from call to appointment in this period, the period before, and the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls: incoming calls. Leads: different callers among them. Booked: calls that booked. Attended, cancelled: what became of those appointments. No-show: appointments already over but never marked attended or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of the calls&apos; values: the booked service&apos;s price, otherwise the prices of the services the caller mentioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same sum over the calls that booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average per call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline value ÷ calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money per service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per service: its price, the calls that asked about it and that booked it, and their value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked about: calls whose words matched the service&apos;s keywords. Booked: calls that booked it. Values are today&apos;s price times those calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean sentiment score of the calls that have one, from −1 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred incoming calls ÷ incoming calls × 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls the AI answered that neither booked nor were transferred, and that Vapi&apos;s success evaluation did not pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentiment per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean sentiment per day; days without a scored call are left out of the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls by length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred calls by the reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended calls by talk time, in this period and the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended calls by talk time. Transfer reasons as recorded, the ten most frequent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n day(s)), compared with %3 – %4. Days and hours are the clinic&apos;s.</source>
        <translation>
            <numerusform>%1 – %2 (%n day), compared with %3 – %4. Days and hours are the clinic&apos;s.</numerusform>
            <numerusform>%1 – %2 (%n days), compared with %3 – %4. Days and hours are the clinic&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a last day on or after the first, at most %1 days later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: %1 (%2%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Incoming calls by weekday and hour of the clinic&apos;s clock; darker is busier (at most %n call(s) in one hour). Hatched hours are outside the opening hours.</source>
        <translation>
            <numerusform>Incoming calls by weekday and hour of the clinic&apos;s clock; darker is busier (at most %n call in one hour). Hatched hours are outside the opening hours.</numerusform>
            <numerusform>Incoming calls by weekday and hour of the clinic&apos;s clock; darker is busier (at most %n calls in one hour). Hatched hours are outside the opening hours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every text and e-mail sent and received, exportable to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times the AI&apos;s booking tools failed during calls: a booking the rules refused, a service the clinic does not offer, a time already taken, an appointment not found, unreadable details, or trouble on our side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls in the period that someone at the clinic reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average review score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean score (1 to 5) of the reviewed calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool errors by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed tool calls by kind, in this period and the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed calls per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts and e-mails the clinic wrote in the period that the provider accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those the provider reported delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those that could not be sent or delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment reminders written, by text or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts from patients read as confirming their appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts from patients asking for no more texts (STOP and the like).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed-call text-backs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts written to callers who reached nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking refused by the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble on our side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool errors per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool errors per day; the grey bars are the same day of the period before. Tool errors are counted on the day they happened. A reviewed call counts once for each of its tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, delivered and failed messages per day. Messages count on the day they were written, in the clinic&apos;s calendar; hover a figure for what it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>None in %n day(s).</source>
        <translation>
            <numerusform>None in %n day.</numerusform>
            <numerusform>None in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n day(s), the most on %2 (%3).</source>
        <translation>
            <numerusform>%1 in %n day, the most on %2 (%3).</numerusform>
            <numerusform>%1 in %n days, the most on %2 (%3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent: %1 Delivered: %2 Failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::RetentionBox</name>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each night the content older than these windows is removed: recordings (also at Vapi), transcripts with their summaries, and the text of messages. That a call or message happened, its length, outcome and value stay. Patients on legal hold are skipped. New clinics start with recordings for 365 days and transcripts and messages for six years (2190 days), how long HIPAA asks for documentation to be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep message content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down to 0 keeps it forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ReviewTagsDialog</name>
    <message>
        <source>Review tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tags reviewers choose from, one a line (at most 50, each up to 40 characters). Reviews already saved keep their tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review tags, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the review tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ServicesModel</name>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be deleted when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed: not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the name under %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another service is already called “%1”. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That price is too high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service takes %1 to %2 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ServicesPage</name>
    <message>
        <source>Add service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change services and prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>400 or 49.99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words callers use for this service. The AI and the pricing listen for them in calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the treatments you offer with their prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service (deleted when you save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a price (0 if the service is free).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the price as a number, such as 400 or 49.99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked fields first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n unsaved change</numerusform>
            <numerusform>%n unsaved changes</numerusform>
        </translation>
    </message>
    <message>
        <source>New service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some services need fixing first: see the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) could not be saved: see the marked fields.</source>
        <translation>
            <numerusform>%n service could not be saved: see the marked fields.</numerusform>
            <numerusform>%n services could not be saved: see the marked fields.</numerusform>
        </translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The treatments the clinic offers with their prices; the chosen one is edited beside the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the clinic and the AI call this treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the appointment lasts, in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes kept free before the appointment (preparing the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes kept free after the appointment (cleaning, recovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the clinic&apos;s currency; a price per unit is set on the line below</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to the services are not saved.</source>
        <translation>
            <numerusform>%n change to the services is not saved.</numerusform>
            <numerusform>%n changes to the services are not saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::SessionStore</name>
    <message>
        <source>This computer has no password keychain, so Voxanne cannot remember your sign-in. You will be asked to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::SettingsPage</name>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use from next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a server address (for example https://voxanne.clinic.example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console connects to %1 from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console changes language the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the log folder, to send the logs to support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Voxanne Console…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours (the AI only books inside them):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who use the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by the AI when it talks about the clinic and books appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some days have a second opening (a lunch break). Saving here keeps only the first opening of each day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1 the clinic closes before it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone with this e-mail address already has an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For hot leads and new bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed out on every computer at once and cannot sign in until enabled again. Nothing they entered is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again with their password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was disabled and signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers typed without + and a country code are read as this country&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server this console connects to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s language on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the AI gives callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the clinic is: opening hours and appointments are in this zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers typed without + and a country code are read as this country&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the clinic opens on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opens at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time the clinic opens on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closes at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time the clinic closes on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who can sign in to this clinic, with their role and last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new person&apos;s e-mail address; they sign in with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown to colleagues; optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff use the console; admins and owners also change the clinic&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s details are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1&apos;s password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their current password stops working and they are signed out on every computer. You get a temporary password to give them; they choose their own when they sign in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a patient texts and the Inbox is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language the clinic works in: its default review tags and the other words it starts with are in it. Tags already edited stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the default review tags and of the other words the clinic&apos;s defaults start in. Tags already edited stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a city or a zone&apos;s name to find it, such as New York or Eastern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ShareDialog</name>
    <message>
        <source>Share the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We will e-mail a link to this call&apos;s recording. The link works for 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colleague@clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the calls (or the leads, on their page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field; a list or table is one stop, the arrow keys move inside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search box, into the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the search box, clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the list, play or pause the chosen call&apos;s recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording, 10 seconds back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording, 10 seconds on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a page: Ctrl+1 Today, Ctrl+2 Live … Ctrl+0 Knowledge, in the navigation&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::SignUpDialog</name>
    <message>
        <source>Create your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Create your clinic&lt;/h2&gt;&lt;p&gt;You will be its owner. We add common services and opening hours to start with; you can change them any time.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glow Med Spa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dana Smith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@clinic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;login&quot;&gt;I already have an account&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clinic&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password of at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) in the password</source>
        <translation>
            <numerusform>%n more character in the password</numerusform>
            <numerusform>%n more characters in the password</numerusform>
        </translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::StartingPanel</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer is starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the clinic&apos;s server on this computer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a Voxanne server on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the clinic&apos;s server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voxanne runs the clinic&apos;s server and its database on this computer. The very first start takes a little longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it fails again, show your IT contact this message:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TableCsvButton</name>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table “%1” as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table is no longer shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved at %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the table&apos;s figures as a spreadsheet file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TelephonyPage</name>
    <message>
        <source>Add a number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up forwarding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn forwarding off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward the clinic&apos;s own phone number to the AI receptionist. Patients keep calling the number they know; no porting, no new number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can manage phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask them to forward the clinic&apos;s number to the AI receptionist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Add a number…” to forward the clinic&apos;s phone to the AI receptionist in five short steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a number to change its forwarding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls to %1 reach the AI receptionist (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code for %1 has not been confirmed yet. Press “Set up forwarding…” to see it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is verified. Press “Set up forwarding…” to send its calls to the AI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the clinic&apos;s numbers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its forwarding is on: also dial the turn-off code on that phone, or its calls keep going to the AI&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn forwarding off for %1? Its calls will ring only at the clinic again, and the AI will no longer answer the ones nobody picks up. You will get a code to dial on that phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s phone numbers and whether their calls are forwarded to the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not verified yet. Press “Verify again…” for a new call with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TelephonyWizard</name>
    <message>
        <source>Your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier and mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward your clinic&apos;s number to the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View my verified numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can now sign in with this password. It is shown only this once: copy it and give it to them in person or by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s old password no longer works and they were signed out everywhere. They sign in with this one, shown only this once: copy it and give it to them in person or by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When they sign in, they are asked to choose their own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::Toast</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::ToastArea</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TodayModel</name>
    <message>
        <source>Urgent: may need care today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhappy on the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked about a price, did not book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call failed or was transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message waiting for a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TodayPage</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs a call back today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s call-back list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs a person today, the most pressing first: urgent callers, unhappy callers, price questions without a booking, failed or transferred calls. The actions for the chosen person are under the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the chosen person off today&apos;s list: nobody needs to call them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Says someone called the chosen person; they stay on the list, after those nobody has reached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Books an appointment for the chosen person; once it is booked they leave the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person at the clinic who looks after the chosen caller today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note on the chosen caller that every console shows; Enter saves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: left a voicemail, call after 3 pm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the note on the chosen caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s list could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading today&apos;s list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent and unhappy callers, price questions without a booking and failed or transferred calls appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose someone in the list to mark, give or annotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked %1 for %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note on %1 is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said in the call, line by line. Click a line to play the recording from there; the line being heard is highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TransferDestinationsBox</name>
    <message>
        <source>Transfer destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where callers are put through to a person. The AI transfers to the first one open now, in this order (an emergency to one for emergencies first); on the Live page you can choose any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the destination is called, as the AI and the Live page name it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number callers are put through to, with + and its country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time at or before the opening time runs past midnight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For emergencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caller with an emergency is put through here before anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can change the transfer destinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its hours differ by day (%1 stretches); they are kept unless you choose days and times here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No days chosen: the AI never transfers callers here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the destination a name, such as Front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the number to put callers through to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the number with + and its country code, such as +12125550142.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The closing time is the opening time. Choose another, or tick All day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers are no longer put through to %1: the AI and the Live page stop offering it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time, in the clinic&apos;s time zone, calls start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the order the AI tries them: each destination&apos;s name, description, number, the hours it takes calls and whether it is for emergencies; choose one to change it below or to move it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chosen destination up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI tries it before the one above it now (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it earlier (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chosen destination down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI tries it after the one below it now (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it later (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr Lee&apos;s mobile, surgeries only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the people choosing where to transfer a call, up to %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the description to %1 characters or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TrayNotifier</name>
    <message>
        <source>Voxanne Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::TwilioCard</name>
    <message>
        <source>Twilio: text messages and the AI&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate &amp;&amp; save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s own Twilio account sends reminders and follow-up texts, and its number is the one the AI receptionist answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AC followed by 32 letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your Twilio console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account SID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connecting… (checking with Vapi): account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Not connected: %2 Enter the account again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected: account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is broken: enter the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI receptionist answers this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last change did not go through: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. Texts and reminders cannot be sent until you connect the clinic&apos;s Twilio account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: this server has no Vapi key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking with Vapi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the account with Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the credentials, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the AI access to Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the number to the AI receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Account SID from your Twilio console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Auth Token from your Twilio console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Account SID is the 34 characters starting with AC on your Twilio console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account&apos;s Auth Token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is not one of this Twilio account&apos;s numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Twilio account is suspended or closed. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not accept this Account SID and Auth Token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check both on your Twilio console. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another change of the Twilio connection is under way. Try again once it is finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio or the AI service did not answer. Nothing was changed; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect the clinic&apos;s Twilio account? The AI stops answering its number, and no texts can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s Twilio number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected to the &lt;b&gt;sandbox&apos;s&lt;/b&gt; Twilio: account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;. Texts and calls stay on this computer; nobody receives them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::VerificationStep</name>
    <message>
        <source>Call me again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the call and type the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This proves the phone is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then enter the same code here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call, or it hung up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is calling %1 now. Answer it, and when the call asks, type this code on the phone&apos;s keypad:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can ask for another call in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n attempt left</numerusform>
            <numerusform>%n attempts left</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking Twilio to call %1 again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is calling again, with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate answering the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sandbox answers its call and types the code on the keypad, as you would on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is answering the call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox answered and typed %1 on the keypad. Press Confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vox::ui::reportexport</name>
    <message>
        <source>The file %1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
