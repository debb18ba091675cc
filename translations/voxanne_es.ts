<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddServiceCommand</name>
    <message>
        <source>Add service</source>
        <translation>Añadir servicio</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Please try again in %1 seconds.</source>
        <translation>Vuelva a intentarlo en %1 segundos.</translation>
    </message>
    <message>
        <source>Please try again in %1 minutes.</source>
        <translation>Vuelva a intentarlo en %1 minutos.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check that the server is running and that this computer is online, then try again.</source>
        <translation>No se puede conectar con %1. Compruebe que el servidor está en marcha y que este equipo tiene conexión a Internet, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Some of the details are not right. Check them and try again.</source>
        <translation>Algunos datos no son correctos. Revíselos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Su sesión ha terminado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>This clashes with something that already exists.</source>
        <translation>Esto coincide con algo que ya existe.</translation>
    </message>
    <message>
        <source>This link or code has expired.</source>
        <translation>Este enlace o código ha caducado.</translation>
    </message>
    <message>
        <source>Something unexpected happened. Please try again.</source>
        <translation>Ha ocurrido algo inesperado. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The server is busy right now.</source>
        <translation>El servidor está ocupado en este momento.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Today %1</source>
        <translation>Hoy %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ayer %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Mañana %1</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Marcando</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Sonando</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Transfiriendo</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Caliente</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Tibio</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Frío</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>AI receptionist</source>
        <translation>Recepcionista IA</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>low</source>
        <comment>urgency</comment>
        <translation>baja</translation>
    </message>
    <message>
        <source>medium</source>
        <comment>urgency</comment>
        <translation>media</translation>
    </message>
    <message>
        <source>high</source>
        <comment>urgency</comment>
        <translation>alta</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>México</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>España</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>(555) 123-4567</source>
        <translation>(555) 123-4567</translation>
    </message>
    <message>
        <source>020 7946 0958</source>
        <translation>020 7946 0958</translation>
    </message>
    <message>
        <source>Number with its area code</source>
        <translation>Número con su código de área</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Persona desconocida</translation>
    </message>
</context>
<context>
    <name>EditServiceCommand</name>
    <message>
        <source>Change name</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Cambiar precio</translation>
    </message>
    <message>
        <source>Change keywords</source>
        <translation>Cambiar palabras clave</translation>
    </message>
    <message>
        <source>Change length</source>
        <translation>Cambiar duración</translation>
    </message>
    <message>
        <source>Change free time</source>
        <translation>Cambiar tiempo libre</translation>
    </message>
</context>
<context>
    <name>EventDescription</name>
    <message>
        <source>New call</source>
        <translation>Nueva llamada</translation>
    </message>
    <message>
        <source>New call from %1</source>
        <translation>Nueva llamada de %1</translation>
    </message>
    <message>
        <source>A call ended with a booking</source>
        <translation>Una llamada terminó con una cita</translation>
    </message>
    <message>
        <source>Call with %1 ended with a booking</source>
        <translation>La llamada con %1 terminó con una cita</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamada %1</translation>
    </message>
    <message>
        <source>Call with %1: %2</source>
        <translation>Llamada con %1: %2</translation>
    </message>
    <message>
        <source>A call was updated</source>
        <translation>Se actualizó una llamada</translation>
    </message>
    <message>
        <source>Call with %1 updated</source>
        <translation>Llamada con %1 actualizada</translation>
    </message>
    <message>
        <source>A new hot lead</source>
        <translation>Un nuevo cliente potencial caliente</translation>
    </message>
    <message>
        <source>%1 is a hot lead</source>
        <translation>%1 es un cliente potencial caliente</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>New contact: %1</source>
        <translation>Nuevo contacto: %1</translation>
    </message>
    <message>
        <source>A contact was updated</source>
        <translation>Se actualizó un contacto</translation>
    </message>
    <message>
        <source>%1 was updated</source>
        <translation>Se actualizó %1</translation>
    </message>
    <message>
        <source>%1 booked %2</source>
        <translation>%1 reservó %2</translation>
    </message>
    <message>
        <source>New appointment booked</source>
        <translation>Nueva cita reservada</translation>
    </message>
    <message>
        <source>%1 booked an appointment</source>
        <translation>%1 reservó una cita</translation>
    </message>
    <message>
        <source>An appointment changed</source>
        <translation>Una cita cambió</translation>
    </message>
    <message>
        <source>%1&apos;s appointment changed</source>
        <translation>La cita de %1 cambió</translation>
    </message>
    <message>
        <source>An appointment was cancelled</source>
        <translation>Se canceló una cita</translation>
    </message>
    <message>
        <source>%1 cancelled an appointment</source>
        <translation>%1 canceló una cita</translation>
    </message>
    <message>
        <source>Call-back updated</source>
        <translation>Devolución de llamada actualizada</translation>
    </message>
    <message>
        <source>Call-back to %1</source>
        <translation>Devolución de llamada a %1</translation>
    </message>
    <message>
        <source>Phone settings changed</source>
        <translation>Cambió la configuración telefónica</translation>
    </message>
    <message>
        <source>An integration changed</source>
        <translation>Cambió una integración</translation>
    </message>
    <message>
        <source>The AI receptionist&apos;s settings changed</source>
        <translation>Cambió la configuración de la recepcionista IA</translation>
    </message>
    <message>
        <source>The knowledge base changed</source>
        <translation>Cambió la base de conocimiento</translation>
    </message>
    <message>
        <source>Something changed</source>
        <translation>Algo cambió</translation>
    </message>
    <message>
        <source>A text message was not sent</source>
        <translation>No se envió un SMS</translation>
    </message>
    <message>
        <source>An e-mail was not sent</source>
        <translation>No se envió un correo electrónico</translation>
    </message>
    <message>
        <source>Twilio has not yet confirmed a text message</source>
        <translation>Twilio aún no ha confirmado un SMS</translation>
    </message>
    <message>
        <source>Twilio confirmed a text message was sent</source>
        <translation>Twilio confirmó el envío de un SMS</translation>
    </message>
    <message>
        <source>A text message was sent</source>
        <translation>Se envió un SMS</translation>
    </message>
    <message>
        <source>An e-mail was sent</source>
        <translation>Se envió un correo electrónico</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 está conectado</translation>
    </message>
    <message>
        <source>Connecting %1…</source>
        <translation>Conectando %1…</translation>
    </message>
    <message>
        <source>%1 was disconnected</source>
        <translation>%1 se desconectó</translation>
    </message>
    <message>
        <source>Connecting %1 failed; the previous connection still works</source>
        <translation>No se pudo conectar %1; la conexión anterior sigue funcionando</translation>
    </message>
    <message>
        <source>Connecting %1 failed</source>
        <translation>No se pudo conectar %1</translation>
    </message>
    <message>
        <source>%1 stopped working: reconnect it on the Integrations page</source>
        <translation>%1 dejó de funcionar: vuelva a conectarlo en la página Integraciones</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 cambió</translation>
    </message>
    <message>
        <source>A text message is waiting to be sent</source>
        <translation>Un SMS está pendiente de envío</translation>
    </message>
    <message>
        <source>A patient confirmed an appointment by text</source>
        <translation>Un paciente confirmó una cita por mensaje de texto</translation>
    </message>
    <message>
        <source>A patient asked by text to cancel an appointment</source>
        <translation>Un paciente pidió por mensaje de texto cancelar una cita</translation>
    </message>
    <message>
        <source>A patient asked by text to move an appointment</source>
        <translation>Un paciente pidió por mensaje de texto cambiar una cita</translation>
    </message>
    <message>
        <source>A patient asked not to be texted</source>
        <translation>Un paciente pidió no recibir mensajes de texto</translation>
    </message>
    <message>
        <source>A patient agreed to be texted again</source>
        <translation>Un paciente aceptó volver a recibir mensajes de texto</translation>
    </message>
    <message>
        <source>A patient sent a text</source>
        <translation>Un paciente envió un mensaje de texto</translation>
    </message>
    <message>
        <source>The AI is transferring a caller</source>
        <translation>La IA está transfiriendo a una persona que llama</translation>
    </message>
    <message>
        <source>The AI is transferring a caller to %1</source>
        <translation>La IA está transfiriendo a una persona que llama a %1</translation>
    </message>
    <message>
        <source>The AI is transferring %1</source>
        <translation>La IA está transfiriendo a %1</translation>
    </message>
    <message>
        <source>The AI is transferring %1 to %2</source>
        <translation>La IA está transfiriendo a %1 a %2</translation>
    </message>
    <message>
        <source>An action on a live call did not go through</source>
        <translation>Una acción en una llamada en curso no se pudo realizar</translation>
    </message>
    <message>
        <source>Someone at the clinic spoke to a caller on a live call</source>
        <translation>Alguien de la clínica habló con una persona en una llamada en curso</translation>
    </message>
    <message>
        <source>Someone at the clinic whispered to the AI on a live call</source>
        <translation>Alguien de la clínica le susurró a la IA en una llamada en curso</translation>
    </message>
    <message>
        <source>The AI was muted on a live call</source>
        <translation>Se silenció a la IA en una llamada en curso</translation>
    </message>
    <message>
        <source>The AI was unmuted on a live call</source>
        <translation>Se reactivó el audio de la IA en una llamada en curso</translation>
    </message>
    <message>
        <source>Someone at the clinic ended a live call</source>
        <translation>Alguien de la clínica terminó una llamada en curso</translation>
    </message>
    <message>
        <source>A live call was transferred</source>
        <translation>Se transfirió una llamada en curso</translation>
    </message>
    <message>
        <source>A live call was transferred to %1</source>
        <translation>Se transfirió una llamada en curso a %1</translation>
    </message>
    <message>
        <source>Someone at the clinic acted on a live call</source>
        <translation>Alguien de la clínica actuó en una llamada en curso</translation>
    </message>
    <message>
        <source>The AI is speaking on a live call</source>
        <translation>La IA está hablando en una llamada en curso</translation>
    </message>
    <message>
        <source>A caller is speaking on a live call</source>
        <translation>Una persona que llama está hablando en una llamada en curso</translation>
    </message>
    <message>
        <source>A live call&apos;s transcript moved on</source>
        <translation>La transcripción de una llamada en curso avanzó</translation>
    </message>
    <message>
        <source>A live call changed</source>
        <translation>Una llamada en curso cambió</translation>
    </message>
    <message>
        <source>A call was reviewed: %1 of 5</source>
        <translation>Se evaluó una llamada: %1 de 5</translation>
    </message>
    <message>
        <source>A call was reviewed</source>
        <translation>Se evaluó una llamada</translation>
    </message>
    <message>
        <source>The call review tags changed</source>
        <translation>Cambiaron las etiquetas de evaluación de llamadas</translation>
    </message>
    <message>
        <source>A service was added</source>
        <translation>Se añadió un servicio</translation>
    </message>
    <message>
        <source>Service added: %1</source>
        <translation>Servicio añadido: %1</translation>
    </message>
    <message>
        <source>A service was removed</source>
        <translation>Se eliminó un servicio</translation>
    </message>
    <message>
        <source>Service removed: %1</source>
        <translation>Servicio eliminado: %1</translation>
    </message>
    <message>
        <source>A service changed</source>
        <translation>Cambió un servicio</translation>
    </message>
    <message>
        <source>Service changed: %1</source>
        <translation>Servicio modificado: %1</translation>
    </message>
    <message>
        <source>The clinic&apos;s settings changed</source>
        <translation>Cambió la configuración de la clínica</translation>
    </message>
    <message>
        <source>The order of the transfer destinations changed</source>
        <translation>Cambió el orden de los destinos de transferencia</translation>
    </message>
    <message>
        <source>A transfer destination was removed</source>
        <translation>Se eliminó un destino de transferencia</translation>
    </message>
    <message>
        <source>Transfer destination removed: %1</source>
        <translation>Destino de transferencia eliminado: %1</translation>
    </message>
    <message>
        <source>A transfer destination changed</source>
        <translation>Cambió un destino de transferencia</translation>
    </message>
    <message>
        <source>Transfer destination changed: %1</source>
        <translation>Destino de transferencia modificado: %1</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
</context>
<context>
    <name>PhoneProblem</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>Escriba un número de teléfono.</translation>
    </message>
    <message>
        <source>A phone number can only contain digits, spaces, dashes, dots and brackets.</source>
        <translation>Un número de teléfono solo puede tener dígitos, espacios, guiones, puntos y paréntesis.</translation>
    </message>
    <message>
        <source>The &apos;+&apos; can only come first, before the country code.</source>
        <translation>El «+» solo puede ir al principio, antes del código de país.</translation>
    </message>
    <message>
        <source>Start with &apos;+&apos; and the country code, for example +1 555 123 4567.</source>
        <translation>Empiece con «+» y el código de país, por ejemplo +1 555 123 4567.</translation>
    </message>
    <message>
        <source>A country code never starts with 0.</source>
        <translation>Un código de país nunca empieza por 0.</translation>
    </message>
    <message>
        <source>That number is too short: E.164 numbers have 7 to 15 digits.</source>
        <translation>El número es demasiado corto: los números E.164 tienen de 7 a 15 dígitos.</translation>
    </message>
    <message>
        <source>That number is too long: E.164 numbers have at most 15 digits.</source>
        <translation>El número es demasiado largo: los números E.164 tienen como máximo 15 dígitos.</translation>
    </message>
    <message>
        <source>That is not a valid international (E.164) phone number.</source>
        <translation>No es un número de teléfono internacional (E.164) válido.</translation>
    </message>
    <message>
        <source>That number is too short: a North American number has 10 digits, area code included.</source>
        <translation>Ese número es demasiado corto: un número de Norteamérica tiene 10 dígitos, con el código de área.</translation>
    </message>
    <message>
        <source>That number is too long for a North American number; for another country, start with &apos;+&apos; and its country code.</source>
        <translation>Ese número es demasiado largo para un número de Norteamérica; para otro país, empiece con &apos;+&apos; y su código de país.</translation>
    </message>
    <message>
        <source>A North American area code never starts with 0 or 1.</source>
        <translation>Un código de área de Norteamérica nunca empieza por 0 ni por 1.</translation>
    </message>
    <message>
        <source>That number is too short: include the area code.</source>
        <translation>Ese número es demasiado corto: incluya el código de área.</translation>
    </message>
    <message>
        <source>That number is too long for the clinic&apos;s country; for another country, start with &apos;+&apos; and its country code.</source>
        <translation>Ese número es demasiado largo para el país de la clínica; para otro país, empiece con &apos;+&apos; y su código de país.</translation>
    </message>
</context>
<context>
    <name>RecordingProblem</name>
    <message>
        <source>This recording is no longer stored: its address answers “not found”. It may have been deleted.</source>
        <translation>Esta grabación ya no está guardada: su dirección responde «no encontrada». Puede que se haya borrado.</translation>
    </message>
    <message>
        <source>The link to this recording has expired.</source>
        <translation>El enlace de esta grabación ha caducado.</translation>
    </message>
    <message>
        <source>The recording&apos;s storage refused access (HTTP %1); its link may have expired.</source>
        <translation>El almacenamiento de la grabación denegó el acceso (HTTP %1); puede que su enlace haya caducado.</translation>
    </message>
    <message>
        <source>The recording could not be reached. Check that this computer is online, then try again.</source>
        <translation>No se pudo acceder a la grabación. Compruebe que este equipo tiene conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The recording is in a format the console cannot play.</source>
        <translation>La grabación está en un formato que la consola no puede reproducir.</translation>
    </message>
    <message>
        <source>The recording&apos;s storage had a problem (HTTP %1). Try again in a moment.</source>
        <translation>El almacenamiento de la grabación tuvo un problema (HTTP %1). Inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>RemoveServiceCommand</name>
    <message>
        <source>Delete service</source>
        <translation>Eliminar servicio</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Front desk (staff)</source>
        <translation>Recepción (personal)</translation>
    </message>
</context>
<context>
    <name>TelephonyText</name>
    <message>
        <source>AT&amp;T</source>
        <translation>AT&amp;T</translation>
    </message>
    <message>
        <source>T-Mobile</source>
        <translation>T-Mobile</translation>
    </message>
    <message>
        <source>Verizon</source>
        <translation>Verizon</translation>
    </message>
    <message>
        <source>Sprint</source>
        <translation>Sprint</translation>
    </message>
    <message>
        <source>Another GSM carrier</source>
        <translation>Otro operador GSM</translation>
    </message>
    <message>
        <source>Another CDMA carrier</source>
        <translation>Otro operador CDMA</translation>
    </message>
    <message>
        <source>A carrier outside the US</source>
        <translation>Un operador fuera de EE. UU.</translation>
    </message>
    <message>
        <source>Total AI</source>
        <translation>IA total</translation>
    </message>
    <message>
        <source>Safety Net</source>
        <translation>Red de seguridad</translation>
    </message>
    <message>
        <source>Your phone does not ring: every call goes straight to the AI receptionist. Good for after hours, or when nobody is at the front desk.</source>
        <translation>Su teléfono no suena: todas las llamadas van directamente a la recepcionista IA. Ideal fuera del horario o cuando no hay nadie en recepción.</translation>
    </message>
    <message>
        <source>Your phone rings first. If nobody answers in time, or the line is busy, the AI receptionist picks up, so no caller is missed.</source>
        <translation>Primero suena su teléfono. Si nadie contesta a tiempo o la línea está ocupada, contesta la recepcionista IA, así no se pierde ninguna llamada.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Waiting for the code</source>
        <translation>Esperando el código</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation>Código caducado</translation>
    </message>
    <message>
        <source>Forwarding to the AI</source>
        <translation>Desviando a la IA</translation>
    </message>
    <message>
        <source>Code not dialed yet</source>
        <translation>Código aún sin marcar</translation>
    </message>
    <message>
        <source>Forwarding off</source>
        <translation>Desvío desactivado</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Sin configurar</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect the clinic&apos;s Twilio account first (Integrations, Twilio): Twilio makes the verification call.</source>
        <translation>Conecte primero la cuenta de Twilio de la clínica (Integraciones, Twilio): Twilio hace la llamada de verificación.</translation>
    </message>
    <message>
        <source>That is not a valid number. Use the international form: + and the country code, then the number.</source>
        <translation>El número no es válido. Use el formato internacional: + y el código de país, y luego el número.</translation>
    </message>
    <message>
        <source>Twilio could not call this number. Check it and try again.</source>
        <translation>Twilio no pudo llamar a este número. Compruébelo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation>Escriba el código de 6 dígitos.</translation>
    </message>
    <message>
        <source>That code is not right. Check it and type it again.</source>
        <translation>El código no es correcto. Revíselo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>Connect the clinic&apos;s Twilio number first (Integrations, Twilio): the calls are forwarded to it.</source>
        <translation>Conecte primero el número de Twilio de la clínica (Integraciones, Twilio): las llamadas se desvían a ese número.</translation>
    </message>
    <message>
        <source>This number is the AI&apos;s own number; it cannot forward to itself.</source>
        <translation>Este es el propio número de la IA; no puede desviarse a sí mismo.</translation>
    </message>
    <message>
        <source>Your carrier does not accept this ring time. Choose another one.</source>
        <translation>Su operador no acepta este tiempo de timbre. Elija otro.</translation>
    </message>
    <message>
        <source>Some of the details are not right. Check them and try again.</source>
        <translation>Algunos datos no son correctos. Revíselos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This number is no longer on the clinic&apos;s list. Start again with “Add a number”.</source>
        <translation>Este número ya no está en la lista de la clínica. Empiece de nuevo con «Añadir un número».</translation>
    </message>
    <message>
        <source>This number is already verified for your clinic.</source>
        <translation>Este número ya está verificado para su clínica.</translation>
    </message>
    <message>
        <source>Twilio has not heard the code yet. Answer Twilio&apos;s call, type the code on the phone&apos;s keypad, then press Confirm again.</source>
        <translation>Twilio todavía no ha recibido el código. Conteste la llamada de Twilio, marque el código en el teclado del teléfono y pulse Confirmar otra vez.</translation>
    </message>
    <message>
        <source>Verify this number before setting up forwarding.</source>
        <translation>Verifique este número antes de configurar el desvío.</translation>
    </message>
    <message>
        <source>This verification has ended. Ask for a new call.</source>
        <translation>Esta verificación ha terminado. Pida una nueva llamada.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new call to get a new code.</source>
        <translation>El código ha caducado. Pida una nueva llamada para recibir un código nuevo.</translation>
    </message>
    <message>
        <source>Too many wrong codes for this number. It is locked for %1; try again then.</source>
        <translation>Demasiados códigos incorrectos para este número. Queda bloqueado durante %1; vuelva a intentarlo después.</translation>
    </message>
    <message>
        <source>Too many verification calls to this number. You can ask for another one in %1.</source>
        <translation>Demasiadas llamadas de verificación a este número. Podrá pedir otra dentro de %1.</translation>
    </message>
    <message>
        <source>Twilio did not answer. Please try again in a moment.</source>
        <translation>Twilio no respondió. Vuelva a intentarlo en un momento.</translation>
    </message>
</context>
<context>
    <name>WeeklyHours</name>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Todos los días</translation>
    </message>
    <message>
        <source>%1, all day</source>
        <translation>%1, todo el día</translation>
    </message>
    <message>
        <source>Hours differ by day</source>
        <translation>El horario cambia según el día</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Voxanne Console</source>
        <translation>Consola Voxanne</translation>
    </message>
    <message>
        <source>Voxanne Console: calls, leads and appointments of your AI receptionist.

Without options it opens the clinic you used last, or asks how to start.</source>
        <translation>Consola Voxanne: llamadas, clientes potenciales y citas de su recepcionista IA.

Sin opciones, abre la última clínica que usó o le pregunta cómo empezar.</translation>
    </message>
    <message>
        <source>Connect to the Voxanne server at URL.</source>
        <translation>Conectarse al servidor de Voxanne en la URL.</translation>
    </message>
    <message>
        <source>Run the clinic&apos;s server on this computer.</source>
        <translation>Ejecutar el servidor de la clínica en este equipo.</translation>
    </message>
    <message>
        <source>Folder of the server on this computer (its database and secrets).</source>
        <translation>Carpeta del servidor en este equipo (su base de datos y sus secretos).</translation>
    </message>
    <message>
        <source>Open a demo clinic on this computer (simulated phone, text and e-mail providers) and sign in.</source>
        <translation>Abrir una clínica de demostración en este equipo (teléfono, SMS y correo simulados) e iniciar sesión.</translation>
    </message>
    <message>
        <source>light, dark or system (default: the choice in Settings).</source>
        <translation>light, dark o system (por defecto: lo elegido en Configuración).</translation>
    </message>
    <message>
        <source>en or es (default: the choice in Settings).</source>
        <translation>en o es (por defecto: lo elegido en Configuración).</translation>
    </message>
</context>
<context>
    <name>vox::console::EmbeddedServer</name>
    <message>
        <source>A backup is already being written.</source>
        <translation>Ya se está escribiendo una copia de seguridad.</translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer is not running.</source>
        <translation>El servidor de la clínica en este equipo no está en marcha.</translation>
    </message>
</context>
<context>
    <name>vox::ui::AboutDialog</name>
    <message>
        <source>About Voxanne Console</source>
        <translation>Acerca de la Consola Voxanne</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Voxanne Console %1&lt;/h2&gt;&lt;p&gt;The AI receptionist&apos;s desk: calls, leads and appointments.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Console&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Server&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Connected to&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%4 (built with %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;System&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Consola Voxanne %1&lt;/h2&gt;&lt;p&gt;El escritorio de la recepcionista IA: llamadas, clientes potenciales y citas.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Consola&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Servidor&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Conectada a&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%4 (compilada con %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Sistema&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>consultando…</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>no disponible</translation>
    </message>
</context>
<context>
    <name>vox::ui::AccessLogPanel</name>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Opened a call and its transcript</source>
        <translation>Abrió una llamada y su transcripción</translation>
    </message>
    <message>
        <source>Played a recording</source>
        <translation>Reprodujo una grabación</translation>
    </message>
    <message>
        <source>Exported a transcript</source>
        <translation>Exportó una transcripción</translation>
    </message>
    <message>
        <source>Shared a recording</source>
        <translation>Compartió una grabación</translation>
    </message>
    <message>
        <source>Opened a shared recording link</source>
        <translation>Abrió un enlace a una grabación compartida</translation>
    </message>
    <message>
        <source>Viewed a patient&apos;s history</source>
        <translation>Consultó el historial de un paciente</translation>
    </message>
    <message>
        <source>Read patients&apos; texts</source>
        <translation>Leyó los mensajes de los pacientes</translation>
    </message>
    <message>
        <source>Listened in to a live call</source>
        <translation>Escuchó una llamada en curso</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Registro de accesos</translation>
    </message>
    <message>
        <source>Every time someone opens a call&apos;s transcript, plays or shares a recording, views a patient&apos;s history or reads patients&apos; texts, it is recorded here. Nobody can change or delete these records.</source>
        <translation>Cada vez que alguien abre la transcripción de una llamada, reproduce o comparte una grabación, consulta el historial de un paciente o lee los mensajes de los pacientes, queda registrado aquí. Nadie puede cambiar ni borrar estos registros.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Patient&apos;s name or number</source>
        <translation>Nombre o número del paciente</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>No access matches these filters.</source>
        <translation>Ningún acceso coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mostrar más</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Permitido</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Exported a list to CSV</source>
        <translation>Exportó una lista a CSV</translation>
    </message>
    <message>
        <source>Show only what this person of the clinic looked at</source>
        <translation>Mostrar solo lo que consultó esta persona de la clínica</translation>
    </message>
    <message>
        <source>Show only this kind of access</source>
        <translation>Mostrar solo este tipo de acceso</translation>
    </message>
    <message>
        <source>The first day shown; &quot;Any&quot; for no limit</source>
        <translation>El primer día que se muestra; «Cualquiera» para no poner límite</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>The last day shown; &quot;Any&quot; for no limit</source>
        <translation>El último día que se muestra; «Cualquiera» para no poner límite</translation>
    </message>
    <message>
        <source>Who opened patients&apos; calls, recordings, histories and texts, newest first</source>
        <translation>Quién abrió llamadas, grabaciones, historiales y mensajes de pacientes, lo más reciente primero</translation>
    </message>
    <message>
        <source>Exported the access log</source>
        <translation>Exportó el registro de accesos</translation>
    </message>
    <message>
        <source>access log</source>
        <translation>registro de accesos</translation>
    </message>
    <message>
        <source>Stopped listening to a live call</source>
        <translation>Dejó de escuchar una llamada en curso</translation>
    </message>
</context>
<context>
    <name>vox::ui::ActivationCodeStep</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Dial this code on the clinic&apos;s phone</source>
        <translation>Marque este código en el teléfono de la clínica</translation>
    </message>
    <message>
        <source>Your phone company switches the forwarding on when you dial it.</source>
        <translation>Su compañía telefónica activa el desvío cuando lo marca.</translation>
    </message>
    <message>
        <source>I&apos;ve dialed the code</source>
        <translation>Ya marqué el código</translation>
    </message>
    <message>
        <source>Copy the code, to send it to the phone or keep it</source>
        <translation>Copiar el código, para enviarlo al teléfono o guardarlo</translation>
    </message>
    <message>
        <source>Code copied: %1</source>
        <translation>Código copiado: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dial it from the phone that has the SIM card of %1&lt;/b&gt;, not from another phone.</source>
        <translation>&lt;b&gt;Márquelo desde el teléfono que tiene la tarjeta SIM del %1&lt;/b&gt;, no desde otro teléfono.</translation>
    </message>
    <message>
        <source>Open the phone&apos;s dialer (the keypad you call with).</source>
        <translation>Abra el marcador del teléfono (el teclado con el que llama).</translation>
    </message>
    <message>
        <source>Dial &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; exactly as shown.</source>
        <translation>Marque &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; tal como aparece.</translation>
    </message>
    <message>
        <source>Press Call, and wait for the confirmation tone or message.</source>
        <translation>Pulse Llamar y espere el tono o mensaje de confirmación.</translation>
    </message>
    <message>
        <source>Come back here and press “I&apos;ve dialed the code”.</source>
        <translation>Vuelva aquí y pulse «Ya marqué el código».</translation>
    </message>
    <message>
        <source>To stop forwarding later, dial &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; from the same phone.</source>
        <translation>Para quitar el desvío más adelante, marque &lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt; desde el mismo teléfono.</translation>
    </message>
</context>
<context>
    <name>vox::ui::AgentPage</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>How your AI receptionist introduces itself and what it knows about the clinic.</source>
        <translation>Cómo se presenta su recepcionista IA y qué sabe de la clínica.</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change the agent.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden cambiar el agente.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Voz:</translation>
    </message>
    <message>
        <source>Thank you for calling Glow Med Spa, this is Voxanne. How can I help you today?</source>
        <translation>Gracias por llamar a Glow Med Spa, le atiende Voxanne. ¿En qué puedo ayudarle?</translation>
    </message>
    <message>
        <source>First words:</source>
        <translation>Saludo:</translation>
    </message>
    <message>
        <source>Instructions (what the AI should know and how it should behave):</source>
        <translation>Instrucciones (qué debe saber la IA y cómo debe comportarse):</translation>
    </message>
    <message>
        <source>Connection to the AI service</source>
        <translation>Conexión con el servicio de IA</translation>
    </message>
    <message>
        <source>Give the receptionist a name.</source>
        <translation>Póngale un nombre a la recepcionista.</translation>
    </message>
    <message>
        <source>This server does not offer the agent&apos;s settings yet.</source>
        <translation>Este servidor todavía no ofrece la configuración del agente.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; The AI&apos;s tools could not be linked: %2</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; No se pudieron vincular las herramientas de la IA: %2</translation>
    </message>
    <message>
        <source>Tools the AI can use: %1</source>
        <translation>Herramientas que puede usar la IA: %1</translation>
    </message>
    <message>
        <source>The agent was saved.</source>
        <translation>Se guardó el agente.</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <source>Send the saved settings to Vapi again.</source>
        <translation>Enviar de nuevo a Vapi la configuración guardada.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; In sync with Vapi (since %2).</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Sincronizado con Vapi (desde %2).</translation>
    </message>
    <message>
        <source>Saved · sending to Vapi…</source>
        <translation>Guardado · enviando a Vapi…</translation>
    </message>
    <message>
        <source>Saved · sending to Vapi… %1</source>
        <translation>Guardado · enviando a Vapi… %1</translation>
    </message>
    <message>
        <source>Saved and sent to Vapi. Linking the AI&apos;s tools (booking, availability, questions)…</source>
        <translation>Guardado y enviado a Vapi. Vinculando las herramientas de la IA (citas, disponibilidad, preguntas)…</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Saved here, but not in sync with Vapi. %2</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Guardado aquí, pero no sincronizado con Vapi. %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The name the AI receptionist gives callers</source>
        <translation>El nombre con el que la recepcionista de IA se presenta</translation>
    </message>
    <message>
        <source>The voice the AI receptionist speaks with</source>
        <translation>La voz con la que habla la recepcionista de IA</translation>
    </message>
    <message>
        <source>What the AI says when it answers a call</source>
        <translation>Lo que dice la IA al contestar una llamada</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>How the AI receptionist behaves on calls</source>
        <translation>Cómo se comporta la recepcionista de IA en las llamadas</translation>
    </message>
    <message>
        <source>The receptionist&apos;s changes are not saved.</source>
        <translation>Los cambios de la recepcionista no están guardados.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Choose a voice or type a voice&apos;s id</source>
        <translation>Elija una voz o escriba el identificador de una voz</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; In sync with the sandbox&apos;s Vapi (since %2): no real calls are answered with it.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Sincronizado con el Vapi del sandbox (desde %2): no atiende llamadas reales.</translation>
    </message>
    <message>
        <source>Start every call with the recording disclosure</source>
        <translation>Empezar cada llamada con el aviso de grabación</translation>
    </message>
    <message>
        <source>&quot;This call is recorded for quality and your care.&quot; Several US states require every caller to be told; it is on by default where the clinic&apos;s time zone covers one of them.</source>
        <translation>«Esta llamada se graba para garantizar la calidad y su atención.» Varios estados de EE. UU. exigen avisar a cada persona que llama; está activado por defecto donde la zona horaria de la clínica incluye alguno de ellos.</translation>
    </message>
    <message>
        <source>Callers will hear the recording disclosure first.</source>
        <translation>Quien llame oirá primero el aviso de grabación.</translation>
    </message>
    <message>
        <source>Callers will no longer hear the recording disclosure.</source>
        <translation>Quien llame ya no oirá el aviso de grabación.</translation>
    </message>
    <message>
        <source>Callers hear: %1</source>
        <translation>Quien llama oye: %1</translation>
    </message>
    <message>
        <source>Not yet sent to the AI service.</source>
        <translation>Todavía no se ha enviado al servicio de IA.</translation>
    </message>
    <message>
        <source>Send to the AI service</source>
        <translation>Enviar al servicio de IA</translation>
    </message>
    <message>
        <source>Send the saved settings to Vapi.</source>
        <translation>Enviar a Vapi la configuración guardada.</translation>
    </message>
</context>
<context>
    <name>vox::ui::ApiClient</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Su sesión ha terminado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The server sent an answer the console does not understand. It may be a different version; please tell your IT contact.</source>
        <translation>El servidor envió una respuesta que la consola no entiende. Puede ser otra versión; avise a su contacto de informática.</translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentBlock</name>
    <message>
        <source>Shows the appointment below, to move, cancel or remind</source>
        <translation>Muestra la cita abajo, para cambiarla, cancelarla o recordarla</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cancelled · %1</source>
        <translation>Cancelada · %1</translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentCalendar</name>
    <message>
        <source>Appointments on a time grid</source>
        <translation>Citas en una cuadrícula horaria</translation>
    </message>
    <message>
        <source>The appointments of the days shown, by time; closed hours are shaded</source>
        <translation>Las citas de los días mostrados, por hora; las horas de cierre aparecen sombreadas</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date pattern of a day</comment>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentDialog</name>
    <message>
        <source>New appointment</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <source>Jane Doe</source>
        <translation>María García</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Servicio:</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <source>Free times:</source>
        <translation>Horas libres:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <source>For &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Para &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Move appointment</source>
        <translation>Cambiar cita</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Move &lt;b&gt;%1&lt;/b&gt;&apos;s %2 from %3</source>
        <translation>Cambiar %2 de &lt;b&gt;%1&lt;/b&gt; del %3</translation>
    </message>
    <message>
        <source>%1 — %2 min, %3</source>
        <translation>%1 — %2 min, %3</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Buscando horas libres…</translation>
    </message>
    <message>
        <source>No free times on this day. Try another day.</source>
        <translation>No hay horas libres este día. Pruebe otro día.</translation>
    </message>
    <message>
        <source>Times are in the clinic&apos;s time zone.</source>
        <translation>Las horas están en la zona horaria de la clínica.</translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentsModel</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Sin enviar</translation>
    </message>
    <message>
        <source>AI receptionist</source>
        <translation>Recepcionista IA</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>Reservada por</translation>
    </message>
</context>
<context>
    <name>vox::ui::AppointmentsPage</name>
    <message>
        <source>New appointment…</source>
        <translation>Nueva cita…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancelar cita</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Próximos 7 días</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Próximos 30 días</translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Send reminder</source>
        <translation>Enviar recordatorio</translation>
    </message>
    <message>
        <source>By text message</source>
        <translation>Por SMS</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Por correo electrónico</translation>
    </message>
    <message>
        <source>The appointments could not be loaded.</source>
        <translation>No se pudieron cargar las citas.</translation>
    </message>
    <message>
        <source>Loading appointments…</source>
        <translation>Cargando citas…</translation>
    </message>
    <message>
        <source>No appointments in this period.</source>
        <translation>No hay citas en este periodo.</translation>
    </message>
    <message>
        <source>Book one with “New appointment”, or choose another period.</source>
        <translation>Reserve una con «Nueva cita» o elija otro periodo.</translation>
    </message>
    <message>
        <source>Choose an appointment first</source>
        <translation>Elija primero una cita</translation>
    </message>
    <message>
        <source>This appointment is %1</source>
        <translation>Esta cita está %1</translation>
    </message>
    <message>
        <source>This appointment has already started</source>
        <translation>Esta cita ya ha empezado</translation>
    </message>
    <message>
        <source>Move to another free time</source>
        <translation>Cambiar a otra hora libre</translation>
    </message>
    <message>
        <source>Cancel and free the time</source>
        <translation>Cancelar y liberar la hora</translation>
    </message>
    <message>
        <source>Remind the patient by text or e-mail</source>
        <translation>Recordar la cita al paciente por SMS o correo</translation>
    </message>
    <message>
        <source>Choose an appointment to move it, cancel it or send a reminder.</source>
        <translation>Elija una cita para cambiarla, cancelarla o enviar un recordatorio.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Reminder sent ✓</source>
        <translation>Recordatorio enviado ✓</translation>
    </message>
    <message>
        <source>No reminder sent yet</source>
        <translation>Aún no se ha enviado recordatorio</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notas: %1</translation>
    </message>
    <message>
        <source>Booked %1 for %2 on %3.</source>
        <translation>Reservado %1 para %2 el %3.</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>Cambiada al %1.</translation>
    </message>
    <message>
        <source>The appointment was cancelled; the time is free again.</source>
        <translation>La cita se canceló; la hora vuelve a estar libre.</translation>
    </message>
    <message>
        <source>Cancel %1&apos;s %2 on %3?</source>
        <translation>¿Cancelar %2 de %1 el %3?</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Reminder texted to %1.</source>
        <translation>Recordatorio enviado por SMS a %1.</translation>
    </message>
    <message>
        <source>Reminder e-mailed to %1.</source>
        <translation>Recordatorio enviado por correo a %1.</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Twilio did not confirm the reminder to %1. It may have arrived, so do not send it again: Recent activity will show the outcome in a few minutes.</source>
        <translation>Twilio no confirmó el recordatorio a %1. Puede que haya llegado, así que no lo envíe de nuevo: la actividad reciente mostrará el resultado en unos minutos.</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Periodo mostrado</translation>
    </message>
    <message>
        <source>Which appointments the list shows</source>
        <translation>Qué citas muestra la lista</translation>
    </message>
    <message>
        <source>The appointments in the chosen period, earliest first</source>
        <translation>Las citas del periodo elegido, de la más próxima a la más lejana</translation>
    </message>
    <message>
        <source>Open the call that booked it</source>
        <translation>Abrir la llamada en la que se reservó</translation>
    </message>
    <message>
        <source>Open the patient</source>
        <translation>Abrir el paciente</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>List view</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>The appointments of a period, one per line</source>
        <translation>Las citas de un periodo, una por línea</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>Vista de día</translation>
    </message>
    <message>
        <source>One day&apos;s appointments by time, within the opening hours</source>
        <translation>Las citas de un día por hora, dentro del horario de apertura</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Vista de semana</translation>
    </message>
    <message>
        <source>A week&apos;s appointments by time, a column per day</source>
        <translation>Las citas de una semana por hora, una columna por día</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Ir a hoy</translation>
    </message>
    <message>
        <source>Shows the grid of today</source>
        <translation>Muestra la cuadrícula de hoy</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semana anterior</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Shows the grid before this one</source>
        <translation>Muestra la cuadrícula anterior a esta</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semana siguiente</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Shows the grid after this one</source>
        <translation>Muestra la cuadrícula siguiente a esta</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date pattern of one day</comment>
        <translation>dddd, d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Text messages are not set up for this clinic yet. An admin can connect Twilio under Integrations.</source>
        <translation>Los SMS todavía no están configurados para esta clínica. Un administrador puede conectar Twilio en Integraciones.</translation>
    </message>
    <message>
        <source>E-mail is not set up for this clinic yet. An admin can set it up under Integrations.</source>
        <translation>El correo todavía no está configurado para esta clínica. Un administrador puede configurarlo en Integraciones.</translation>
    </message>
</context>
<context>
    <name>vox::ui::CallDetailPanel</name>
    <message>
        <source>Text messages are not set up for this clinic yet. An admin can connect Twilio under Integrations.</source>
        <translation>Los SMS todavía no están configurados para esta clínica. Un administrador puede conectar Twilio en Integraciones.</translation>
    </message>
    <message>
        <source>E-mail is not set up for this clinic yet. An admin can set it up under Integrations.</source>
        <translation>El correo todavía no está configurado para esta clínica. Un administrador puede configurarlo en Integraciones.</translation>
    </message>
    <message>
        <source>Choose a call on the left to see its details.</source>
        <translation>Elija una llamada a la izquierda para ver sus detalles.</translation>
    </message>
    <message>
        <source>Open lead</source>
        <translation>Abrir cliente potencial</translation>
    </message>
    <message>
        <source>Share recording</source>
        <translation>Compartir grabación</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Exportar transcripción</translation>
    </message>
    <message>
        <source>Send text</source>
        <translation>Enviar SMS</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <source>The transcript could not be loaded: %1</source>
        <translation>No se pudo cargar la transcripción: %1</translation>
    </message>
    <message>
        <source>No summary for this call.</source>
        <translation>Esta llamada no tiene resumen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mood:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ánimo:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source> (urgency: %1)</source>
        <translation> (urgencia: %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Booked:&lt;/b&gt; yes</source>
        <translation>&lt;b&gt;Con cita:&lt;/b&gt; sí</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Valor:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Services mentioned:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Servicios mencionados:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lead score:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Puntuación:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Transferida a %1</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> a las %1</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>The recording is still being processed.</source>
        <translation>La grabación todavía se está procesando.</translation>
    </message>
    <message>
        <source>The recording of this call failed.</source>
        <translation>La grabación de esta llamada falló.</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Cargando la grabación…</translation>
    </message>
    <message>
        <source>No recording for this call.</source>
        <translation>Esta llamada no tiene grabación.</translation>
    </message>
    <message>
        <source>Loading the transcript…</source>
        <translation>Cargando la transcripción…</translation>
    </message>
    <message>
        <source>No transcript for this call.</source>
        <translation>Esta llamada no tiene transcripción.</translation>
    </message>
    <message>
        <source>Send %1 a follow-up text message</source>
        <translation>Enviar a %1 un SMS de seguimiento</translation>
    </message>
    <message>
        <source>E-mail a link to this recording (valid for 24 hours)</source>
        <translation>Enviar por correo un enlace a esta grabación (válido 24 horas)</translation>
    </message>
    <message>
        <source>Save the transcript as a text file</source>
        <translation>Guardar la transcripción como archivo de texto</translation>
    </message>
    <message>
        <source>The recording link was sent to %1.</source>
        <translation>Se envió el enlace de la grabación a %1.</translation>
    </message>
    <message>
        <source>Thanks for calling! Reply to this message or call us to book.</source>
        <translation>¡Gracias por llamar! Responda a este mensaje o llámenos para pedir cita.</translation>
    </message>
    <message>
        <source>Hi %1, thanks for calling! Reply to this message or call us to book.</source>
        <translation>Hola, %1: ¡gracias por llamar! Responda a este mensaje o llámenos para pedir cita.</translation>
    </message>
    <message>
        <source>Text message sent to %1.</source>
        <translation>SMS enviado a %1.</translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation>Guardar la transcripción</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>The transcript could not be saved to %1: %2</source>
        <translation>No se pudo guardar la transcripción en %1: %2</translation>
    </message>
    <message>
        <source>Transcript saved to %1.</source>
        <translation>Transcripción guardada en %1.</translation>
    </message>
    <message>
        <source>Twilio did not confirm the text to %1. It may have arrived, so do not send it again: Recent activity will show the outcome in a few minutes.</source>
        <translation>Twilio no confirmó el SMS a %1. Puede que haya llegado, así que no lo envíe de nuevo: la actividad reciente mostrará el resultado en unos minutos.</translation>
    </message>
    <message>
        <source>Marked: what the caller said about %1, which the call&apos;s value was counted from.</source>
        <translation>Resaltado: lo que el paciente dijo sobre %1, de donde sale el valor de la llamada.</translation>
    </message>
</context>
<context>
    <name>vox::ui::CallReviewBox</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Guardar revisión</translation>
    </message>
    <message>
        <source>Call review</source>
        <translation>Revisión de la llamada</translation>
    </message>
    <message>
        <source>Review score</source>
        <translation>Puntuación de la revisión</translation>
    </message>
    <message>
        <source>How well the AI handled the call, from 1 to 5</source>
        <translation>Qué tan bien atendió la IA la llamada, de 1 a 5</translation>
    </message>
    <message>
        <source>Score…</source>
        <translation>Puntuación…</translation>
    </message>
    <message>
        <source>5 – Great</source>
        <translation>5 – Excelente</translation>
    </message>
    <message>
        <source>4 – Good</source>
        <translation>4 – Buena</translation>
    </message>
    <message>
        <source>3 – Fair</source>
        <translation>3 – Regular</translation>
    </message>
    <message>
        <source>2 – Needs work</source>
        <translation>2 – Mejorable</translation>
    </message>
    <message>
        <source>1 – Poor</source>
        <translation>1 – Mala</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Nota de la revisión</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Saves the score, tags and note for the whole clinic</source>
        <translation>Guarda la puntuación, las etiquetas y la nota para toda la clínica</translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation>Etiquetas de revisión</translation>
    </message>
    <message>
        <source>Edit tags…</source>
        <translation>Editar etiquetas…</translation>
    </message>
    <message>
        <source>Edit the clinic&apos;s review tags</source>
        <translation>Editar las etiquetas de revisión de la clínica</translation>
    </message>
    <message>
        <source>Change the list of tags reviewers choose from</source>
        <translation>Cambiar la lista de etiquetas entre las que eligen los revisores</translation>
    </message>
    <message>
        <source>Reading the review…</source>
        <translation>Leyendo la revisión…</translation>
    </message>
    <message>
        <source>The review could not be read: %1</source>
        <translation>No se pudo leer la revisión: %1</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Etiqueta: %1</translation>
    </message>
    <message>
        <source>Marks the call with this review tag</source>
        <translation>Marca la llamada con esta etiqueta de revisión</translation>
    </message>
    <message>
        <source>Reviewed by %1, %2</source>
        <translation>Revisada por %1, %2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>Aún sin revisar.</translation>
    </message>
    <message>
        <source>Review saved.</source>
        <translation>Revisión guardada.</translation>
    </message>
    <message>
        <source>Review tags saved.</source>
        <translation>Etiquetas de revisión guardadas.</translation>
    </message>
</context>
<context>
    <name>vox::ui::CallsModel</name>
    <message>
        <source>Unknown number</source>
        <translation>Número desconocido</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
</context>
<context>
    <name>vox::ui::CallsPage</name>
    <message>
        <source>Search by name, number or words said…</source>
        <translation>Buscar por nombre, número o palabras dichas…</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Todas las llamadas</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Any mood</source>
        <translation>Cualquier ánimo</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>With or without recording</source>
        <translation>Con o sin grabación</translation>
    </message>
    <message>
        <source>With recording</source>
        <translation>Con grabación</translation>
    </message>
    <message>
        <source>Without recording</source>
        <translation>Sin grabación</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>The calls could not be loaded.</source>
        <translation>No se pudieron cargar las llamadas.</translation>
    </message>
    <message>
        <source>Loading calls…</source>
        <translation>Cargando llamadas…</translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Ninguna llamada coincide.</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Todavía no hay llamadas.</translation>
    </message>
    <message>
        <source>Try fewer filters or another search.</source>
        <translation>Pruebe con menos filtros u otra búsqueda.</translation>
    </message>
    <message>
        <source>Calls your AI receptionist answers will appear here as they happen.</source>
        <translation>Las llamadas que conteste su recepcionista IA aparecerán aquí a medida que lleguen.</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 llamada</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 llamadas</translation>
    </message>
    <message>
        <source>Showing the latest %1 calls — scroll down for more</source>
        <translation>Se muestran las últimas %1 llamadas; desplácese hacia abajo para ver más</translation>
    </message>
    <message>
        <source>  ·  loading more…</source>
        <translation>  ·  cargando más…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Shows only the calls that match</source>
        <translation>Muestra solo las llamadas que coinciden</translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation>Buscar llamadas</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>The clinic&apos;s calls, newest first. Arrows move between calls; the chosen call&apos;s recording, transcript and actions are beside the list.</source>
        <translation>Las llamadas de la clínica, las más recientes primero. Las flechas pasan de una llamada a otra; la grabación, la transcripción y las acciones de la llamada elegida están junto a la lista.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation>Revisadas o no</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisadas</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>llamadas</translation>
    </message>
    <message>
        <source>Tagged “%1”</source>
        <translation>Con la etiqueta «%1»</translation>
    </message>
</context>
<context>
    <name>vox::ui::CarrierStep</name>
    <message>
        <source>Total AI: the AI answers every call</source>
        <translation>IA total: la IA contesta todas las llamadas</translation>
    </message>
    <message>
        <source>Safety Net: the AI answers the calls you miss</source>
        <translation>Red de seguridad: la IA contesta las llamadas que usted no atiende</translation>
    </message>
    <message>
        <source>How should calls reach the AI?</source>
        <translation>¿Cómo deben llegar las llamadas a la IA?</translation>
    </message>
    <message>
        <source>Choose your phone company and when the AI receptionist should answer.</source>
        <translation>Elija su compañía telefónica y cuándo debe contestar la recepcionista IA.</translation>
    </message>
    <message>
        <source>Create my code</source>
        <translation>Crear mi código</translation>
    </message>
    <message>
        <source>Choose your carrier…</source>
        <translation>Elija su operador…</translation>
    </message>
    <message>
        <source>Phone company:</source>
        <translation>Compañía telefónica:</translation>
    </message>
    <message>
        <source>The code you will dial:</source>
        <translation>El código que marcará:</translation>
    </message>
    <message numerus="yes">
        <source>Ring for %n second(s) before the AI answers</source>
        <translation>
            <numerusform>Sonar %n segundo antes de que conteste la IA</numerusform>
            <numerusform>Sonar %n segundos antes de que conteste la IA</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 uses its own ring time (about 30 seconds); it cannot be changed from the phone.</source>
        <translation>%1 usa su propio tiempo de timbre (unos 30 segundos); no se puede cambiar desde el teléfono.</translation>
    </message>
    <message>
        <source>%1 accepts %2 to %3 seconds.</source>
        <translation>%1 acepta de %2 a %3 segundos.</translation>
    </message>
    <message>
        <source>Choose the phone company and the mode to see the code.</source>
        <translation>Elija la compañía telefónica y el modo para ver el código.</translation>
    </message>
    <message>
        <source>[AI number]</source>
        <translation>[número de la IA]</translation>
    </message>
    <message>
        <source>To turn forwarding off later, you would dial %1.</source>
        <translation>Para quitar el desvío más adelante, marcaría %1.</translation>
    </message>
    <message>
        <source>Your carrier does not accept this ring time. Choose another one.</source>
        <translation>Su operador no acepta este tiempo de timbre. Elija otro.</translation>
    </message>
    <message>
        <source>Creating your code…</source>
        <translation>Creando su código…</translation>
    </message>
</context>
<context>
    <name>vox::ui::ChangePasswordDialog</name>
    <message>
        <source>Save password</source>
        <translation>Guardar contraseña</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>You signed in with a temporary password that someone else knows. Choose your own before you go on; your other sessions are signed out.</source>
        <translation>Ha iniciado sesión con una contraseña temporal que otra persona conoce. Elija la suya antes de continuar; sus otras sesiones se cerrarán.</translation>
    </message>
    <message>
        <source>Your other sessions are signed out when the password changes; this one stays signed in.</source>
        <translation>Al cambiar la contraseña se cierran sus otras sesiones; esta sigue abierta.</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Contraseña temporal:</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Contraseña actual:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Contraseña nueva:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Repita la contraseña nueva:</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Al menos %1 caracteres</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Enter the password you signed in with.</source>
        <translation>Escriba la contraseña con la que inició sesión.</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>Use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>That is too long; use a shorter password.</source>
        <translation>Es demasiado larga; use una contraseña más corta.</translation>
    </message>
    <message>
        <source>Choose a password different from the one you have now.</source>
        <translation>Elija una contraseña distinta de la que tiene ahora.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>That is not your current password.</source>
        <translation>Esa no es su contraseña actual.</translation>
    </message>
    <message numerus="yes">
        <source>Your password was changed; %n other session(s) were signed out.</source>
        <translation>
            <numerusform>Se cambió su contraseña; se cerró %n sesión más.</numerusform>
            <numerusform>Se cambió su contraseña; se cerraron %n sesiones más.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Se cambió su contraseña.</translation>
    </message>
</context>
<context>
    <name>vox::ui::ConfirmationStep</name>
    <message>
        <source>All set</source>
        <translation>Todo listo</translation>
    </message>
    <message>
        <source>The AI receptionist now answers your clinic&apos;s calls.</source>
        <translation>La recepcionista IA ya contesta las llamadas de su clínica.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>Operador:</translation>
    </message>
    <message>
        <source>Ring time:</source>
        <translation>Tiempo de timbre:</translation>
    </message>
    <message>
        <source>Calls go to:</source>
        <translation>Las llamadas van a:</translation>
    </message>
    <message>
        <source>Test it: call the clinic&apos;s number from another phone. To switch forwarding off, use the Telephony page.</source>
        <translation>Pruébelo: llame al número de la clínica desde otro teléfono. Para desactivar el desvío, use la página Telefonía.</translation>
    </message>
    <message>
        <source>Your phone number is now forwarding to Voxanne AI</source>
        <translation>Su número de teléfono ya desvía las llamadas a Voxanne IA</translation>
    </message>
    <message>
        <source>None: the AI answers at once</source>
        <translation>Ninguno: la IA contesta al momento</translation>
    </message>
    <message>
        <source>Your carrier&apos;s own (about 30 seconds)</source>
        <translation>El de su operador (unos 30 segundos)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::ConsoleController</name>
    <message>
        <source>Clinic server on this computer</source>
        <translation>Servidor de la clínica en este equipo</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>Voxanne</source>
        <translation>Voxanne</translation>
    </message>
    <message>
        <source>This build of the console cannot run the clinic server on this computer. Connect to a server instead.</source>
        <translation>Esta versión de la consola no puede ejecutar el servidor de la clínica en este equipo. Conéctese a un servidor.</translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>Ha cerrado la sesión.</translation>
    </message>
    <message>
        <source>This is the demo clinic. You are its front desk (%1, password %2). To try the admin pages, sign out and sign in as the owner: %3, password %4.</source>
        <translation>Esta es la clínica de demostración. Usted es su recepción (%1, contraseña %2). Para probar las páginas de administración, cierre la sesión e inicie sesión como propietario: %3, contraseña %4.</translation>
    </message>
    <message>
        <source>Back up the clinic</source>
        <translation>Copia de seguridad de la clínica</translation>
    </message>
    <message>
        <source>Voxanne backups (*.dump)</source>
        <translation>Copias de seguridad de Voxanne (*.dump)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>The backup was written to %1, and the clinic&apos;s keys to %1.secrets.ini. Keep both somewhere safe.</source>
        <translation>La copia de seguridad se escribió en %1 y las claves de la clínica en %1.secrets.ini. Guarde ambos archivos en un lugar seguro.</translation>
    </message>
    <message>
        <source>The backup failed and no file was written: %1</source>
        <translation>La copia de seguridad falló y no se escribió ningún archivo: %1</translation>
    </message>
</context>
<context>
    <name>vox::ui::CsvDownload</name>
    <message>
        <source>The file cannot be written at %1: %2. Choose another folder.</source>
        <translation>No se puede escribir el archivo en %1: %2. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>The file could not be written at %1: %2. The disk may be full; free some space or choose another place.</source>
        <translation>No se pudo escribir el archivo en %1: %2. Puede que el disco esté lleno; libere espacio o elija otro lugar.</translation>
    </message>
    <message>
        <source>The file could not be saved at %1: %2.</source>
        <translation>No se pudo guardar el archivo en %1: %2.</translation>
    </message>
    <message>
        <source>The connection broke before the whole list arrived, so nothing was saved. Please try again.</source>
        <translation>La conexión se cortó antes de que llegara toda la lista, así que no se guardó nada. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>vox::ui::CsvExportButton</name>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation>Exportar %1 a CSV</translation>
    </message>
    <message>
        <source>Saves the rows the filters show as a spreadsheet file</source>
        <translation>Guarda las filas que muestran los filtros como archivo de hoja de cálculo</translation>
    </message>
    <message>
        <source>Save the %1 the filters show as a CSV file</source>
        <translation>Guardar en un archivo CSV lo que muestran los filtros (%1)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel and other spreadsheets (*.csv)</source>
        <translation>CSV para Excel y otras hojas de cálculo (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Se guardó %n fila en %1.</numerusform>
            <numerusform>Se guardaron %n filas en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::DashboardPage</name>
    <message>
        <source>Pipeline value</source>
        <translation>Valor en cartera</translation>
    </message>
    <message>
        <source>Calls that booked</source>
        <translation>Llamadas con cita</translation>
    </message>
    <message>
        <source>Average call length</source>
        <translation>Duración media</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Llamadas hoy</translation>
    </message>
    <message>
        <source>Calls this week</source>
        <translation>Llamadas esta semana</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>Clientes potenciales calientes</translation>
    </message>
    <message>
        <source>Nothing yet today. New calls and bookings show up here as they happen.</source>
        <translation>Todavía nada hoy. Las nuevas llamadas y citas aparecen aquí a medida que ocurren.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Calls and bookings per day</source>
        <translation>Llamadas y citas por día</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Actividad reciente</translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation>Doble clic para abrir</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Hola, %1</translation>
    </message>
    <message>
        <source>Value of the services callers asked about</source>
        <translation>Valor de los servicios por los que preguntaron</translation>
    </message>
    <message>
        <source>%1 of %2 incoming calls booked</source>
        <translation>%1 de %2 llamadas entrantes con cita</translation>
    </message>
    <message>
        <source>1 call in this period</source>
        <translation>1 llamada en este periodo</translation>
    </message>
    <message>
        <source>%1 calls in this period</source>
        <translation>%1 llamadas en este periodo</translation>
    </message>
    <message>
        <source>Worth a call back soon</source>
        <translation>Conviene devolverles la llamada pronto</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>The period the figures and the chart cover</source>
        <translation>El periodo que abarcan las cifras y el gráfico</translation>
    </message>
    <message>
        <source>Calls, bookings and hot leads as they happen; Enter or a double-click opens one</source>
        <translation>Llamadas, reservas y clientes potenciales calientes según ocurren; Intro o un doble clic abre uno</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s)</source>
        <translation>
            <numerusform>%1: %n llamada</numerusform>
            <numerusform>%1: %n llamadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n reserva</numerusform>
            <numerusform>%n reservas</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>No hay llamadas en este periodo.</translation>
    </message>
</context>
<context>
    <name>vox::ui::DeactivationDialog</name>
    <message>
        <source>Forwarding turned off</source>
        <translation>Desvío desactivado</translation>
    </message>
    <message>
        <source>Voxanne no longer expects calls from %1. To stop your phone company forwarding them, dial this code from that phone:</source>
        <translation>Voxanne ya no espera llamadas del %1. Para que su compañía telefónica deje de desviarlas, marque este código desde ese teléfono:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Press Call and wait for the confirmation tone or message.</source>
        <translation>Pulse Llamar y espere el tono o mensaje de confirmación.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Code copied: %1</source>
        <translation>Código copiado: %1</translation>
    </message>
</context>
<context>
    <name>vox::ui::EmptyState</name>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>vox::ui::ExportProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exportar a CSV</translation>
    </message>
    <message>
        <source>Saving %1 as CSV…</source>
        <translation>Guardando %1 como CSV…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Rows saved so far</source>
        <translation>Filas guardadas hasta ahora</translation>
    </message>
    <message>
        <source>Export problem</source>
        <translation>Problema de la exportación</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Stops the export and removes the unfinished file</source>
        <translation>Detiene la exportación y borra el archivo sin terminar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) so far (%1)</source>
        <translation>
            <numerusform>%Ln fila hasta ahora (%1)</numerusform>
            <numerusform>%Ln filas hasta ahora (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%1% saved: %Ln row(s), %2 of %3</source>
        <translation>
            <numerusform>%1 % guardado: %Ln fila, %2 de %3</numerusform>
            <numerusform>%1 % guardado: %Ln filas, %2 de %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving %1 as CSV failed.</source>
        <translation>Error al guardar %1 como CSV.</translation>
    </message>
</context>
<context>
    <name>vox::ui::FirstRunDialog</name>
    <message>
        <source>Create my clinic on this computer</source>
        <translation>Crear mi clínica en este equipo</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Conectarse a un servidor</translation>
    </message>
    <message>
        <source>Welcome to Voxanne</source>
        <translation>Bienvenido a Voxanne</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Voxanne&lt;/h2&gt;&lt;p&gt;Your AI receptionist answers the clinic&apos;s phone. Here you see every call, call leads back and manage appointments.&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bienvenido a Voxanne&lt;/h2&gt;&lt;p&gt;Su recepcionista IA contesta el teléfono de la clínica. Aquí verá cada llamada, devolverá llamadas a clientes potenciales y gestionará las citas.&lt;/p&gt;&lt;p&gt;¿Cómo desea empezar?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Everything runs here, nothing to install. Best for one front desk, or to try Voxanne.</source>
        <translation>Todo funciona aquí, sin instalar nada. Ideal para una sola recepción o para probar Voxanne.</translation>
    </message>
    <message>
        <source>https://voxanne.your-clinic.com</source>
        <translation>https://voxanne.su-clinica.com</translation>
    </message>
    <message>
        <source>Your IT contact gives you this address.</source>
        <translation>Su contacto de informática le da esta dirección.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, for example https://voxanne.your-clinic.com</source>
        <translation>Escriba la dirección del servidor, por ejemplo https://voxanne.su-clinica.com</translation>
    </message>
</context>
<context>
    <name>vox::ui::FollowUpDialog</name>
    <message>
        <source>Send a follow-up text</source>
        <translation>Enviar un SMS de seguimiento</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Hi, thanks for calling! We have openings tomorrow at 2 PM.</source>
        <translation>Hola, ¡gracias por llamar! Mañana tenemos hueco a las 14:00.</translation>
    </message>
    <message>
        <source>Send text</source>
        <translation>Enviar SMS</translation>
    </message>
    <message>
        <source>%1 / %2 — 1 character too many</source>
        <translation>%1 / %2 — sobra 1 carácter</translation>
    </message>
    <message>
        <source>%1 / %2 — %3 characters too many</source>
        <translation>%1 / %2 — sobran %3 caracteres</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 · %n text(s), sent as Unicode (“%3”)</source>
        <translation>
            <numerusform>%1 / %2 · %n mensaje, enviado como Unicode («%3»)</numerusform>
            <numerusform>%1 / %2 · %n mensajes, enviados como Unicode («%3»)</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not in the basic SMS alphabet, so this text is sent as Unicode: 70 characters per text instead of 160. A longer text is sent in parts, and each part is billed.</source>
        <translation>«%1» no está en el alfabeto básico de SMS, así que este mensaje se envía como Unicode: 70 caracteres por mensaje en lugar de 160. Un mensaje más largo se envía en partes, y cada parte se factura.</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 · %n text(s)</source>
        <translation>
            <numerusform>%1 / %2 · %n mensaje</numerusform>
            <numerusform>%1 / %2 · %n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Some characters (such as € [ ] { } ~ ^ | \) take the room of two, so this text is sent in parts, and each part is billed.</source>
        <translation>Algunos caracteres (como € [ ] { } ~ ^ | \) ocupan el espacio de dos, así que este mensaje se envía en partes, y cada parte se factura.</translation>
    </message>
</context>
<context>
    <name>vox::ui::HourHeatMap</name>
    <message>
        <source>Inbound calls by weekday and hour</source>
        <translation>Llamadas entrantes por día de la semana y hora</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %n call(s)%4</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %n llamada%4</numerusform>
            <numerusform>%1 %2:00–%3:00: %n llamadas%4</numerusform>
        </translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation> (cerrado)</translation>
    </message>
</context>
<context>
    <name>vox::ui::InboxPage</name>
    <message>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Messages with the patient</source>
        <translation>Mensajes con el paciente</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Escriba una respuesta…</translation>
    </message>
    <message>
        <source>This number has opted out of text messages (STOP). It gets no texts until the patient sends START.</source>
        <translation>Este número se ha dado de baja de los SMS (STOP). No recibe SMS hasta que el paciente envíe START.</translation>
    </message>
    <message>
        <source>Marks every text of this patient read</source>
        <translation>Marca como leídos todos los SMS de este paciente</translation>
    </message>
    <message>
        <source>The reply is not sent.</source>
        <translation>La respuesta no se ha enviado.</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Usted: %1</translation>
    </message>
    <message>
        <source>No texts from patients yet</source>
        <translation>Todavía no hay SMS de pacientes</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Texts of up to 160 plain characters go as one SMS.</source>
        <translation>Un texto de hasta 160 caracteres simples se envía como un solo SMS.</translation>
    </message>
    <message>
        <source>SMS parts: %1 · %2 characters</source>
        <translation>Partes de SMS: %1 · %2 caracteres</translation>
    </message>
    <message>
        <source>SMS parts: %1 · %2 characters (Unicode because of “%3”: 70 per part)</source>
        <translation>Partes de SMS: %1 · %2 caracteres (Unicode por «%3»: 70 por parte)</translation>
    </message>
    <message>
        <source>Twilio did not confirm the text. It may have reached the patient: do not send it again.</source>
        <translation>Twilio no confirmó el SMS. Puede que haya llegado al paciente: no lo envíe de nuevo.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Clinic (automatic, after a missed call)</source>
        <translation>Clínica (automático, tras una llamada perdida)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n new</source>
        <translation>
            <numerusform>%1 · %n nuevo</numerusform>
            <numerusform>%1 · %n nuevos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::IntegrationsPage</name>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation>Conectar Google Calendar…</translation>
    </message>
    <message>
        <source>Save e-mail settings</source>
        <translation>Guardar configuración de correo</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can connect accounts.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden conectar cuentas.</translation>
    </message>
    <message>
        <source>Google Calendar: bookings in your calendar</source>
        <translation>Google Calendar: las citas en su calendario</translation>
    </message>
    <message>
        <source>Appointments the AI books appear in the clinic&apos;s Google Calendar, and busy times there are never offered to callers.</source>
        <translation>Las citas que reserva la IA aparecen en el Google Calendar de la clínica, y las horas ocupadas allí nunca se ofrecen a los pacientes.</translation>
    </message>
    <message>
        <source>E-mail: reminders and shared recordings</source>
        <translation>Correo: recordatorios y grabaciones compartidas</translation>
    </message>
    <message>
        <source>Glow Med Spa &lt;desk@glowmedspa.com&gt;</source>
        <translation>Glow Med Spa &lt;recepcion@glowmedspa.com&gt;</translation>
    </message>
    <message>
        <source>re_… (leave empty to keep the current key)</source>
        <translation>re_… (déjelo vacío para conservar la clave actual)</translation>
    </message>
    <message>
        <source>Send as:</source>
        <translation>Enviar como:</translation>
    </message>
    <message>
        <source>Resend API key:</source>
        <translation>Clave de API de Resend:</translation>
    </message>
    <message>
        <source>Google Calendar is connected (%1).</source>
        <translation>Google Calendar está conectado (%1).</translation>
    </message>
    <message>
        <source>Finish connecting in your web browser; this page notices when it is done.</source>
        <translation>Termine la conexión en su navegador; esta página lo detectará cuando esté hecho.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; The calendar link of &lt;b&gt;%2&lt;/b&gt; stopped working. Connect again.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; El enlace con el calendario de &lt;b&gt;%2&lt;/b&gt; dejó de funcionar. Vuelva a conectarlo.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected as &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Conectado como &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This server is not set up for Google sign-in (it has no Google client). Ask your IT contact.</source>
        <translation>Este servidor no está configurado para iniciar sesión con Google (no tiene cliente de Google). Consulte a su contacto de informática.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sin conectar.</translation>
    </message>
    <message>
        <source>Connect again…</source>
        <translation>Volver a conectar…</translation>
    </message>
    <message>
        <source>E-mails go out as %1, with the clinic&apos;s Resend key (ending %2).</source>
        <translation>Los correos salen como %1, con la clave de Resend de la clínica (termina en %2).</translation>
    </message>
    <message>
        <source>E-mails go out as %1, with the server&apos;s Resend key.</source>
        <translation>Los correos salen como %1, con la clave de Resend del servidor.</translation>
    </message>
    <message>
        <source>Not set up: enter the address e-mails should come from.</source>
        <translation>Sin configurar: escriba la dirección desde la que deben salir los correos.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>The web browser could not be opened.</source>
        <translation>No se pudo abrir el navegador.</translation>
    </message>
    <message>
        <source>Google Calendar is disconnected.</source>
        <translation>Google Calendar está desconectado.</translation>
    </message>
    <message>
        <source>Disconnect Google Calendar</source>
        <translation>Desconectar Google Calendar</translation>
    </message>
    <message>
        <source>Disconnect Google Calendar? New bookings no longer appear in it.</source>
        <translation>¿Desconectar Google Calendar? Las nuevas citas ya no aparecerán en él.</translation>
    </message>
    <message>
        <source>Enter an address (desk@clinic.com) or a name and an address (Glow Med Spa &lt;desk@clinic.com&gt;).</source>
        <translation>Escriba una dirección (recepcion@clinica.com) o un nombre y una dirección (Glow Med Spa &lt;recepcion@clinica.com&gt;).</translation>
    </message>
    <message>
        <source>A Resend API key starts with re_.</source>
        <translation>Una clave de API de Resend empieza por re_.</translation>
    </message>
    <message>
        <source>E-mail settings saved.</source>
        <translation>Configuración de correo guardada.</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>E-mails would go out as %1, but there is no Resend key yet: enter the clinic&apos;s key.</source>
        <translation>Los correos saldrían como %1, pero todavía no hay clave de Resend: escriba la clave de la clínica.</translation>
    </message>
    <message>
        <source>Google Calendar is disconnected here, but Google did not confirm it. To be sure, remove Voxanne under Third-party access in the Google account&apos;s security settings.</source>
        <translation>Google Calendar está desconectado aquí, pero Google no lo confirmó. Para estar seguro, quite Voxanne en Acceso de terceros, en la configuración de seguridad de la cuenta de Google.</translation>
    </message>
    <message>
        <source>Whether the accounts work could not be read: %1</source>
        <translation>No se pudo saber si las cuentas funcionan: %1</translation>
    </message>
    <message>
        <source>Texts and reminders (Twilio)</source>
        <translation>Mensajes y recordatorios (Twilio)</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Funciona</translation>
    </message>
    <message>
        <source>Being connected</source>
        <translation>Conectándose</translation>
    </message>
    <message>
        <source>Not working: ask an admin to connect it again</source>
        <translation>No funciona: pida a un administrador que la vuelva a conectar</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Configurado</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Sin configurar</translation>
    </message>
    <message>
        <source>Google Calendar</source>
        <translation>Google Calendar</translation>
    </message>
    <message>
        <source>Stopped working: ask an admin to connect it again</source>
        <translation>Dejó de funcionar: pida a un administrador que lo vuelva a conectar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox:&lt;/b&gt; Twilio, e-mail (Resend), Google Calendar and Vapi are the provider sandbox on this computer. Texts, calls and e-mails land there; no patient receives them.</source>
        <translation>&lt;b&gt;Sandbox:&lt;/b&gt; Twilio, el correo (Resend), Google Calendar y Vapi son el sandbox de proveedores de este equipo. Los SMS, las llamadas y los correos llegan allí; ningún paciente los recibe.</translation>
    </message>
    <message>
        <source>E-mails go to the sandbox&apos;s Resend as %1: they stay on this computer and nobody receives them.</source>
        <translation>Los correos van al Resend del sandbox como %1: se quedan en este equipo y nadie los recibe.</translation>
    </message>
</context>
<context>
    <name>vox::ui::KeywordChips</name>
    <message>
        <source>Add a keyword, then Enter</source>
        <translation>Añada una palabra clave y pulse Intro</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>Quitar «%1»</translation>
    </message>
    <message>
        <source>New keyword</source>
        <translation>Palabra clave nueva</translation>
    </message>
</context>
<context>
    <name>vox::ui::KeywordTester</name>
    <message>
        <source>Paste what a caller said to see which services it matches and what the call would be worth.</source>
        <translation>Pegue lo que dijo un paciente para ver con qué servicios coincide y cuánto valdría la llamada.</translation>
    </message>
    <message>
        <source>For example: “Hi, how much is a lip filler, and do you do Botox too?”</source>
        <translation>Por ejemplo: «Hola, ¿cuánto cuesta un relleno de labios? ¿También hacen bótox?»</translation>
    </message>
    <message>
        <source>No service matches. Add the words callers use as keywords of the service.</source>
        <translation>Ningún servicio coincide. Añada las palabras que usan los pacientes como palabras clave del servicio.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Matches %1. The call would be worth &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Coincide con %1. La llamada valdría &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Sample of what a caller says</source>
        <translation>Ejemplo de lo que dice quien llama</translation>
    </message>
    <message>
        <source>The services it mentions and the call&apos;s value show below, by the same rule the AI uses</source>
        <translation>Abajo se muestran los servicios que menciona y el valor de la llamada, con la misma regla que usa la IA</translation>
    </message>
</context>
<context>
    <name>vox::ui::KnowledgePage</name>
    <message>
        <source>Upload documents…</source>
        <translation>Subir documentos…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Documents the AI receptionist answers callers&apos; questions from: price lists, FAQs, aftercare notes, policies. PDF, text or Markdown, up to 20 MB each.</source>
        <translation>Documentos con los que la recepcionista IA responde a las preguntas de los pacientes: listas de precios, preguntas frecuentes, cuidados posteriores, normas. PDF, texto o Markdown, hasta 20 MB cada uno.</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>o suelte los archivos aquí</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Try a question</source>
        <translation>Pruebe una pregunta</translation>
    </message>
    <message>
        <source>What a caller might ask, e.g. “How long does Botox last?”</source>
        <translation>Lo que podría preguntar un paciente, p. ej. «¿Cuánto dura el bótox?»</translation>
    </message>
    <message>
        <source>The AI is given the passages below to answer from.</source>
        <translation>La IA recibe los fragmentos de abajo para responder.</translation>
    </message>
    <message>
        <source>Loading documents…</source>
        <translation>Cargando documentos…</translation>
    </message>
    <message>
        <source>The documents could not be loaded.</source>
        <translation>No se pudieron cargar los documentos.</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Todavía no hay documentos.</translation>
    </message>
    <message>
        <source>Upload your price list or FAQ so the AI can answer callers&apos; questions.</source>
        <translation>Suba su lista de precios o sus preguntas frecuentes para que la IA pueda responder a los pacientes.</translation>
    </message>
    <message>
        <source>The clinic&apos;s owner or an admin can add documents.</source>
        <translation>El propietario de la clínica o un administrador pueden añadir documentos.</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Subir documentos</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown)</source>
        <translation>Documentos (*.pdf *.txt *.md *.markdown)</translation>
    </message>
    <message>
        <source>%1 cannot be added: only PDF, text (.txt) and Markdown (.md) documents.</source>
        <translation>No se puede añadir %1: solo documentos PDF, de texto (.txt) y Markdown (.md).</translation>
    </message>
    <message>
        <source>%1 is larger than 20 MB.</source>
        <translation>%1 ocupa más de 20 MB.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>No se pudo leer %1.</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Subiendo %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>No se añadió %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 added: %n passage(s) the AI can use.</source>
        <translation>
            <numerusform>%1 añadido: %n fragmento que la IA puede usar.</numerusform>
            <numerusform>%1 añadido: %n fragmentos que la IA puede usar.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>Se eliminó %1.</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Eliminar documento</translation>
    </message>
    <message>
        <source>Delete %1? The AI stops answering from it.</source>
        <translation>¿Eliminar %1? La IA dejará de usarlo para responder.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing in the documents matches. The AI would say it does not know, and offer to have someone call back.</source>
        <translation>Nada en los documentos coincide. La IA diría que no lo sabe y ofrecería que alguien devuelva la llamada.</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>De %1:</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Conocimiento</translation>
    </message>
    <message numerus="yes">
        <source>The AI would be given %n passage(s), best first:</source>
        <translation>
            <numerusform>La IA recibiría %n fragmento:</numerusform>
            <numerusform>La IA recibiría %n fragmentos, el mejor primero:</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>The documents the AI answers callers&apos; questions from</source>
        <translation>Los documentos con los que la IA responde a las preguntas de quienes llaman</translation>
    </message>
    <message>
        <source>Test question</source>
        <translation>Pregunta de prueba</translation>
    </message>
    <message>
        <source>Passages found</source>
        <translation>Pasajes encontrados</translation>
    </message>
    <message>
        <source>The parts of the documents the AI would use to answer the test question</source>
        <translation>Las partes de los documentos que la IA usaría para responder a la pregunta de prueba</translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadDetailPanel</name>
    <message>
        <source>Choose a lead to see their calls and appointments.</source>
        <translation>Elija un cliente potencial para ver sus llamadas y citas.</translation>
    </message>
    <message>
        <source>Call back now</source>
        <translation>Devolver la llamada</translation>
    </message>
    <message>
        <source>Your AI receptionist calls this person now</source>
        <translation>Su recepcionista IA llama ahora a esta persona</translation>
    </message>
    <message>
        <source>Book appointment…</source>
        <translation>Reservar cita…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color: %1; font-weight: bold&quot;&gt;%2&lt;/span&gt; · score %3 of 100 · %4</source>
        <translation>&lt;span style=&quot;color: %1; font-weight: bold&quot;&gt;%2&lt;/span&gt; · puntuación %3 de 100 · %4</translation>
    </message>
    <message>
        <source>No services mentioned yet.</source>
        <translation>Todavía no ha mencionado servicios.</translation>
    </message>
    <message>
        <source>Interested in: %1</source>
        <translation>Le interesa: %1</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Todavía no hay llamadas</translation>
    </message>
    <message>
        <source>No appointments yet</source>
        <translation>Todavía no hay citas</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Devolver llamada</translation>
    </message>
    <message>
        <source>Call %1 at %2 now? Your AI receptionist will place the call.</source>
        <translation>¿Llamar ahora a %1 al %2? Su recepcionista IA hará la llamada.</translation>
    </message>
    <message>
        <source>Call now</source>
        <translation>Llamar ahora</translation>
    </message>
    <message>
        <source>Call-back: starting the call…</source>
        <translation>Devolución de llamada: iniciando la llamada…</translation>
    </message>
    <message>
        <source>Call-back: dialling %1…</source>
        <translation>Devolución de llamada: marcando %1…</translation>
    </message>
    <message>
        <source>Call-back: on the call now.</source>
        <translation>Devolución de llamada: en curso.</translation>
    </message>
    <message>
        <source>Call-back: the call has ended.</source>
        <translation>Devolución de llamada: la llamada terminó.</translation>
    </message>
    <message>
        <source>Call-back: the call could not be made.</source>
        <translation>Devolución de llamada: no se pudo hacer la llamada.</translation>
    </message>
    <message>
        <source>Call-back failed: %1</source>
        <translation>La devolución de llamada falló: %1</translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation>Devolución de llamada: %1</translation>
    </message>
    <message>
        <source>⚠ Needs attention: urgent, or a concern after a treatment. Call them today.</source>
        <translation>⚠ Requiere atención: urgente, o una complicación tras un tratamiento. Llámele hoy.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change the name, e-mail, status, language, texts or notes</source>
        <translation>Cambiar el nombre, el correo electrónico, el estado, el idioma, los SMS o las notas</translation>
    </message>
    <message>
        <source>Speaks Spanish</source>
        <translation>Habla español</translation>
    </message>
    <message>
        <source>Speaks English</source>
        <translation>Habla inglés</translation>
    </message>
    <message>
        <source>No text messages</source>
        <translation>Sin SMS</translation>
    </message>
    <message>
        <source>Calls with this lead</source>
        <translation>Llamadas con este cliente potencial</translation>
    </message>
    <message>
        <source>Every call with this person; Enter opens one</source>
        <translation>Todas las llamadas con esta persona; Intro abre una</translation>
    </message>
    <message>
        <source>Appointments of this lead</source>
        <translation>Citas de este cliente potencial</translation>
    </message>
    <message>
        <source>This person&apos;s appointments, past and coming</source>
        <translation>Las citas de esta persona, pasadas y próximas</translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadEditDialog</name>
    <message>
        <source>Do not send text messages</source>
        <translation>No enviar SMS</translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation>Editar cliente potencial</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>The lead&apos;s name as the clinic writes it</source>
        <translation>El nombre del cliente potencial tal como lo escribe la clínica</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Where reminders by e-mail go</source>
        <translation>Adonde van los recordatorios por correo electrónico</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Lost takes the lead off the call-back list; New or Contacted puts it back</source>
        <translation>Perdido quita al cliente potencial de la lista para devolver llamadas; Nuevo o Contactado lo vuelve a poner</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language to speak and write to this person in</source>
        <translation>El idioma en que hablar y escribir a esta persona</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>When checked, the clinic sends this person no SMS</source>
        <translation>Si está marcado, la clínica no envía SMS a esta persona</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Anything the front desk should know</source>
        <translation>Lo que la recepción debe saber</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadsModel</name>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>Le interesa</translation>
    </message>
    <message>
        <source>Urgent, or a concern after a treatment: call today.</source>
        <translation>Urgente, o una complicación tras un tratamiento: llame hoy.</translation>
    </message>
    <message>
        <source>Not on the call-back list</source>
        <translation>No está en la lista para devolver llamadas</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rellamar</translation>
    </message>
</context>
<context>
    <name>vox::ui::LeadsPage</name>
    <message>
        <source>All leads</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Caliente</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Tibio</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Frío</translation>
    </message>
    <message>
        <source>Everyone who called</source>
        <translation>Todas las personas que llamaron</translation>
    </message>
    <message>
        <source>Score 70 or more: call back soon</source>
        <translation>Puntuación de 70 o más: devuelva la llamada pronto</translation>
    </message>
    <message>
        <source>Score 40 to 69</source>
        <translation>Puntuación de 40 a 69</translation>
    </message>
    <message>
        <source>Score under 40</source>
        <translation>Puntuación menor de 40</translation>
    </message>
    <message>
        <source>Show only these leads</source>
        <translation>Mostrar solo estos clientes potenciales</translation>
    </message>
    <message>
        <source>Search by name, phone or e-mail…</source>
        <translation>Buscar por nombre, teléfono o correo…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>The leads could not be loaded.</source>
        <translation>No se pudieron cargar los clientes potenciales.</translation>
    </message>
    <message>
        <source>Loading leads…</source>
        <translation>Cargando clientes potenciales…</translation>
    </message>
    <message>
        <source>No leads yet.</source>
        <translation>Todavía no hay clientes potenciales.</translation>
    </message>
    <message>
        <source>No leads match.</source>
        <translation>Ningún cliente potencial coincide.</translation>
    </message>
    <message>
        <source>Everyone who calls the clinic becomes a lead here.</source>
        <translation>Toda persona que llama a la clínica aparece aquí como cliente potencial.</translation>
    </message>
    <message>
        <source>Try another card, status or search.</source>
        <translation>Pruebe con otra tarjeta, estado o búsqueda.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Show the leads to call back with this score (not those who booked or were lost)</source>
        <translation>Mostrar los clientes potenciales por llamar con esta puntuación (no los que reservaron ni los perdidos)</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Buscar clientes potenciales</translation>
    </message>
    <message>
        <source>Lead status</source>
        <translation>Estado del cliente potencial</translation>
    </message>
    <message>
        <source>Shows only the leads with this status</source>
        <translation>Muestra solo los clientes potenciales con este estado</translation>
    </message>
    <message>
        <source>Show all leads</source>
        <translation>Mostrar todos los clientes potenciales</translation>
    </message>
    <message>
        <source>The people who called, with their score and status. The chosen lead&apos;s details and actions are beside the list.</source>
        <translation>Las personas que llamaron, con su puntuación y su estado. Los datos y las acciones del cliente potencial elegido están junto a la lista.</translation>
    </message>
    <message>
        <source>The lead shown on the right is not in this list (its filters hide it).</source>
        <translation>El cliente potencial de la derecha no está en esta lista (los filtros lo ocultan).</translation>
    </message>
    <message>
        <source>%1, shown on the right, is not in this list (its filters hide them).</source>
        <translation>%1, a la derecha, no está en esta lista (los filtros lo ocultan).</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>clientes potenciales</translation>
    </message>
</context>
<context>
    <name>vox::ui::ListenPanel</name>
    <message>
        <source>No audio output was found on this computer.</source>
        <translation>No se encontró ninguna salida de audio en este equipo.</translation>
    </message>
    <message numerus="yes">
        <source>The audio output cannot play the call&apos;s sound (%1 Hz, %n channel(s)).</source>
        <translation>
            <numerusform>La salida de audio no puede reproducir el sonido de la llamada (%1 Hz, %n canal).</numerusform>
            <numerusform>La salida de audio no puede reproducir el sonido de la llamada (%1 Hz, %n canales).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audio output could not be opened.</source>
        <translation>No se pudo abrir la salida de audio.</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>&amp;Escuchar</translation>
    </message>
    <message>
        <source>Listen to the call</source>
        <translation>Escuchar la llamada</translation>
    </message>
    <message>
        <source>Hear the caller and the AI as they speak. Listening is recorded in the access log.</source>
        <translation>Oiga a quien llama y a la IA mientras hablan. La escucha queda registrada en el registro de accesos.</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>V&amp;olumen:</translation>
    </message>
    <message>
        <source>Listening volume</source>
        <translation>Volumen de escucha</translation>
    </message>
    <message>
        <source>Listening status</source>
        <translation>Estado de la escucha</translation>
    </message>
    <message>
        <source>Stop &amp;listening</source>
        <translation>Dejar de escuc&amp;har</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message numerus="yes">
        <source>Listening (%1 kHz, %n channel(s))</source>
        <translation>
            <numerusform>Escuchando (%1 kHz, %n canal)</numerusform>
            <numerusform>Escuchando (%1 kHz, %n canales)</numerusform>
        </translation>
    </message>
    <message>
        <source>How loud the call plays on this computer</source>
        <translation>Con qué volumen suena la llamada en este ordenador</translation>
    </message>
</context>
<context>
    <name>vox::ui::ListenStream</name>
    <message>
        <source>The call has ended.</source>
        <translation>La llamada ha terminado.</translation>
    </message>
    <message>
        <source>Sign in again to listen.</source>
        <translation>Vuelva a iniciar sesión para escuchar.</translation>
    </message>
    <message>
        <source>This call is not one of your clinic&apos;s calls in progress.</source>
        <translation>Esta llamada no es una de las llamadas en curso de su clínica.</translation>
    </message>
    <message>
        <source>The call has ended; there is nothing to listen to.</source>
        <translation>La llamada ha terminado; no hay nada que escuchar.</translation>
    </message>
    <message>
        <source>Listening stopped: the connection to the server was lost.</source>
        <translation>La escucha se detuvo: se perdió la conexión con el servidor.</translation>
    </message>
    <message>
        <source>Listening stopped: %1</source>
        <translation>La escucha se detuvo: %1</translation>
    </message>
</context>
<context>
    <name>vox::ui::LiveCallsModel</name>
    <message>
        <source>Caller speaking</source>
        <translation>Habla el llamante</translation>
    </message>
    <message>
        <source>AI speaking</source>
        <translation>Habla la IA</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Sonando</translation>
    </message>
    <message>
        <source>Being transferred</source>
        <translation>En transferencia</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
</context>
<context>
    <name>vox::ui::LiveCallsPanel</name>
    <message>
        <source>Calls in progress</source>
        <translation>Llamadas en curso</translation>
    </message>
    <message>
        <source>Each call&apos;s caller, how long it has run and what is happening; Enter or a click opens it on the Live page</source>
        <translation>El llamante de cada llamada, cuánto dura y qué está pasando; Intro o un clic la abre en la página En directo</translation>
    </message>
    <message>
        <source>Click to follow the call on the Live page</source>
        <translation>Haga clic para seguir la llamada en la página En directo</translation>
    </message>
    <message>
        <source>The calls in progress could not be read: %1</source>
        <translation>No se pudieron leer las llamadas en curso: %1</translation>
    </message>
    <message>
        <source>No calls in progress right now. A call shows here as soon as the AI answers it.</source>
        <translation>Ahora no hay llamadas en curso. Una llamada aparece aquí en cuanto la IA la contesta.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress</source>
        <translation>
            <numerusform>%n llamada en curso</numerusform>
            <numerusform>%n llamadas en curso</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::LivePage</name>
    <message>
        <source>&amp;Whisper to AI</source>
        <translation>&amp;Susurrar a la IA</translation>
    </message>
    <message>
        <source>Sa&amp;y to caller</source>
        <translation>&amp;Decir a quien llama</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <source>&amp;Mute AI</source>
        <translation>Si&amp;lenciar IA</translation>
    </message>
    <message>
        <source>&amp;End call…</source>
        <translation>&amp;Colgar…</translation>
    </message>
    <message>
        <source>Calls in progress</source>
        <translation>Llamadas en curso</translation>
    </message>
    <message>
        <source>Each call with its caller, how long it has run and who is speaking.</source>
        <translation>Cada llamada con quien llama, cuánto dura y quién habla.</translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation>Transcripción en directo</translation>
    </message>
    <message>
        <source>What is said on the chosen call appears here.</source>
        <translation>Aquí aparece lo que se dice en la llamada elegida.</translation>
    </message>
    <message>
        <source>A note for the AI, or words to say to the caller</source>
        <translation>Una nota para la IA o palabras para quien llama</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>The AI reads this note; the caller does not hear it.</source>
        <translation>La IA lee esta nota; quien llama no la oye.</translation>
    </message>
    <message>
        <source>The AI says these words to the caller.</source>
        <translation>La IA dice estas palabras a quien llama.</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>Transferir a</translation>
    </message>
    <message>
        <source>Stop the AI speaking while you listen; press again to let it speak.</source>
        <translation>Calla a la IA mientras escucha; pulse de nuevo para que vuelva a hablar.</translation>
    </message>
    <message>
        <source>T&amp;ransfer to:</source>
        <translation>T&amp;ransferir a:</translation>
    </message>
    <message>
        <source>The calls in progress could not be read</source>
        <translation>No se pudieron leer las llamadas en curso</translation>
    </message>
    <message>
        <source>No calls in progress</source>
        <translation>No hay llamadas en curso</translation>
    </message>
    <message>
        <source>A call appears here as soon as the AI answers it.</source>
        <translation>Una llamada aparece aquí en cuanto la IA la atiende.</translation>
    </message>
    <message>
        <source>%1 (emergencies)</source>
        <translation>%1 (urgencias)</translation>
    </message>
    <message>
        <source>Choose a call to follow it.</source>
        <translation>Elija una llamada para seguirla.</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Llamante: %1</translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation>IA: %1</translation>
    </message>
    <message>
        <source>Caller: %1…</source>
        <translation>Llamante: %1…</translation>
    </message>
    <message>
        <source>AI: %1…</source>
        <translation>IA: %1…</translation>
    </message>
    <message>
        <source>Un&amp;mute AI</source>
        <translation>Activar &amp;voz de la IA</translation>
    </message>
    <message>
        <source>Hang up on the caller.</source>
        <translation>Cuelga la llamada.</translation>
    </message>
    <message>
        <source>Only an admin can end a call.</source>
        <translation>Solo un administrador puede colgar una llamada.</translation>
    </message>
    <message>
        <source>This call cannot be taken over: Vapi gave it no control address.</source>
        <translation>No se puede intervenir en esta llamada: Vapi no le dio dirección de control.</translation>
    </message>
    <message>
        <source>The AI has your note.</source>
        <translation>La IA tiene su nota.</translation>
    </message>
    <message>
        <source>The AI is saying it to the caller.</source>
        <translation>La IA se lo está diciendo a quien llama.</translation>
    </message>
    <message>
        <source>The AI speaks again.</source>
        <translation>La IA vuelve a hablar.</translation>
    </message>
    <message>
        <source>The AI is muted.</source>
        <translation>La IA está en silencio.</translation>
    </message>
    <message>
        <source>Transfer the call?</source>
        <translation>¿Transferir la llamada?</translation>
    </message>
    <message>
        <source>%1 will be put through to %2. The AI leaves the call; this cannot be undone.</source>
        <translation>%1 pasará a %2. La IA deja la llamada; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>Keep the call</source>
        <translation>Mantener la llamada</translation>
    </message>
    <message>
        <source>The call is being transferred.</source>
        <translation>La llamada se está transfiriendo.</translation>
    </message>
    <message>
        <source>End the call?</source>
        <translation>¿Colgar la llamada?</translation>
    </message>
    <message>
        <source>The call with %1 ends now. This cannot be undone.</source>
        <translation>La llamada con %1 termina ahora. No se puede deshacer.</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Colgar</translation>
    </message>
    <message>
        <source>The call was ended.</source>
        <translation>La llamada se ha colgado.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>What the caller and the AI say on the chosen call, as they say it</source>
        <translation>Lo que dicen el llamante y la IA en la llamada elegida, mientras lo dicen</translation>
    </message>
</context>
<context>
    <name>vox::ui::LoginDialog</name>
    <message>
        <source>Sign in to Voxanne</source>
        <translation>Iniciar sesión en Voxanne</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Iniciar sesión&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>you@clinic.com</source>
        <translation>usted@clinica.com</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;create&quot;&gt;Create a new clinic&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;create&quot;&gt;Crear una clínica nueva&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;server&quot;&gt;Use another server&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;server&quot;&gt;Usar otro servidor&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Ask an owner or admin of your clinic to reset it: in Settings → People they choose &quot;Reset password…&quot; and give you a temporary password. You choose your own when you sign in with it.</source>
        <translation>Pida a un propietario o administrador de su clínica que la restablezca: en Ajustes → Personas elige «Restablecer contraseña…» y le da una contraseña temporal. Usted elige la suya al iniciar sesión con ella.</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;forgot&quot;&gt;Forgot your password?&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;forgot&quot;&gt;¿Olvidó su contraseña?&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>vox::ui::MainWindow</name>
    <message>
        <source>Voxanne Console</source>
        <translation>Consola Voxanne</translation>
    </message>
    <message>
        <source>%1 — not reachable</source>
        <translation>%1 — no disponible</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Voxanne Console</source>
        <translation>Acerca de la &amp;Consola Voxanne</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source> · demo clinic</source>
        <translation> · clínica de demostración</translation>
    </message>
    <message>
        <source>%1 — Voxanne Console</source>
        <translation>%1 — Consola Voxanne</translation>
    </message>
    <message>
        <source>Hot lead</source>
        <translation>Cliente potencial caliente</translation>
    </message>
    <message>
        <source>New appointment booked</source>
        <translation>Nueva cita reservada</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● En directo</translation>
    </message>
    <message>
        <source>New calls and bookings appear as they happen.</source>
        <translation>Las nuevas llamadas y citas aparecen en cuanto ocurren.</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Conectando…</translation>
    </message>
    <message>
        <source>Connecting to live updates.</source>
        <translation>Conectando con las actualizaciones en directo.</translation>
    </message>
    <message>
        <source>● Reconnecting…</source>
        <translation>● Reconectando…</translation>
    </message>
    <message>
        <source>The live connection dropped; the console reconnects on its own and catches up with anything it missed.</source>
        <translation>Se cortó la conexión en directo; la consola se vuelve a conectar sola y recupera lo que se haya perdido.</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Sin conexión</translation>
    </message>
    <message>
        <source>Live updates are off. Press F5 to read the page again.</source>
        <translation>Las actualizaciones en directo están desactivadas. Pulse F5 para volver a cargar la página.</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Leave without saving? What you changed will be lost.</source>
        <translation>¿Salir sin guardar? Se perderá lo que cambió.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Sandbox providers — nothing is really sent</source>
        <translation>Proveedores de prueba (sandbox): no se envía nada de verdad</translation>
    </message>
    <message>
        <source>Calls, texts and e-mails go to the provider sandbox on this computer. No patient receives them.</source>
        <translation>Las llamadas, los SMS y los correos van al sandbox de proveedores de este equipo. Ningún paciente los recibe.</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>Copia de segu&amp;ridad…</translation>
    </message>
    <message>
        <source>The console&apos;s pages; Ctrl+1 to Ctrl+0 open the first ten</source>
        <translation>Las páginas de la consola; Ctrl+1 a Ctrl+0 abren las diez primeras</translation>
    </message>
    <message>
        <source>Call coming through to %1</source>
        <translation>Llamada transferida a %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>They said: &quot;%1&quot;</source>
        <translation>Dijo: «%1»</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 sin leer</translation>
    </message>
    <message>
        <source>New text message</source>
        <translation>Nuevo mensaje de texto</translation>
    </message>
    <message>
        <source>A patient texted the clinic.</source>
        <translation>Un paciente ha escrito a la clínica.</translation>
    </message>
</context>
<context>
    <name>vox::ui::MessagesAuditPanel</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Aún no se sabe</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Missed-call text-back</source>
        <translation>Texto tras llamada perdida</translation>
    </message>
    <message>
        <source>Reply from the clinic</source>
        <translation>Respuesta de la clínica</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Respuesta automática</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Every text and e-mail the clinic sent (reminders, text-backs, replies) and every text patients sent, with what became of it.</source>
        <translation>Todos los textos y correos que envió la clínica (recordatorios, textos tras llamadas perdidas, respuestas) y todos los textos que enviaron los pacientes, con lo que pasó con cada uno.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Show only messages the clinic sent, or only those it received</source>
        <translation>Mostrar solo los mensajes que envió la clínica o solo los que recibió</translation>
    </message>
    <message>
        <source>Sent and received</source>
        <translation>Enviados y recibidos</translation>
    </message>
    <message>
        <source>Sent by the clinic</source>
        <translation>Enviados por la clínica</translation>
    </message>
    <message>
        <source>Received from patients</source>
        <translation>Recibidos de pacientes</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Show only texts or only e-mails</source>
        <translation>Mostrar solo textos o solo correos</translation>
    </message>
    <message>
        <source>Texts and e-mails</source>
        <translation>Textos y correos</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textos</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Show only messages with this outcome</source>
        <translation>Mostrar solo los mensajes con este resultado</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Cualquier resultado</translation>
    </message>
    <message>
        <source>Texts and e-mails sent and received, newest first, with their outcome</source>
        <translation>Textos y correos enviados y recibidos, los más recientes primero, con su resultado</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>To or from</source>
        <translation>Para o de</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>No messages match these filters.</source>
        <translation>Ningún mensaje coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mostrar más</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Confirms the appointment</source>
        <translation>Confirma la cita</translation>
    </message>
    <message>
        <source>Asks to cancel</source>
        <translation>Pide cancelar</translation>
    </message>
    <message>
        <source>Asks to move the appointment</source>
        <translation>Pide cambiar la cita</translation>
    </message>
    <message>
        <source>Asks for no more texts</source>
        <translation>Pide no recibir más textos</translation>
    </message>
    <message>
        <source>Texts allowed again</source>
        <translation>Vuelve a aceptar textos</translation>
    </message>
    <message>
        <source>Asks for help</source>
        <translation>Pide ayuda</translation>
    </message>
    <message>
        <source>Patient&apos;s text</source>
        <translation>Texto del paciente</translation>
    </message>
</context>
<context>
    <name>vox::ui::MissedCallTextBackBox</name>
    <message>
        <source>Missed-call text-back</source>
        <translation>Mensaje tras una llamada perdida</translation>
    </message>
    <message>
        <source>When a caller reaches nobody (hangs up during the greeting, silence, voicemail, a transfer nobody took, a failed call), they get one text so they can answer or wait for a call back. Numbers that opted out, landlines and toll-free numbers get none. A call in the quiet hours (Reminders) is texted back when they end.</source>
        <translation>Cuando quien llama no habla con nadie (cuelga durante el saludo, silencio, buzón de voz, una transferencia que nadie atendió, una llamada fallida), recibe un mensaje para que pueda contestar o esperar a que le llamemos. Los números que se dieron de baja, los fijos y los gratuitos no reciben ninguno. A quien llame en las horas de silencio (Recordatorios) se le escribe cuando terminan.</translation>
    </message>
    <message>
        <source>Text callers we missed</source>
        <translation>Escribir a quienes no pudimos atender</translation>
    </message>
    <message>
        <source>{clinic} becomes the clinic&apos;s name. Empty: the default wording.</source>
        <translation>{clinic} se sustituye por el nombre de la clínica. Vacío: el texto predeterminado.</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>A number is texted back at most once in this time.</source>
        <translation>Cada número recibe como mucho un mensaje en este tiempo.</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Mensaje:</translation>
    </message>
    <message>
        <source>Callers get:</source>
        <translation>Quien llama recibe:</translation>
    </message>
    <message>
        <source>Once per number every:</source>
        <translation>Una vez por número cada:</translation>
    </message>
    <message>
        <source>Save text-back</source>
        <translation>Guardar el mensaje</translation>
    </message>
    <message>
        <source>Missed-call text-back saved.</source>
        <translation>Mensaje tras una llamada perdida guardado.</translation>
    </message>
</context>
<context>
    <name>vox::ui::NotificationsButton</name>
    <message>
        <source>Notifications (%1)</source>
        <translation>Notificaciones (%1)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Hot leads and bookings that came in; choose one to open it.</source>
        <translation>Clientes potenciales calientes y reservas que llegaron; elija uno para abrirlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n notificación sin leer</numerusform>
            <numerusform>%n notificaciones sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>No hay notificaciones sin leer</translation>
    </message>
    <message>
        <source>No notifications yet</source>
        <translation>Aún no hay notificaciones</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Marcar todo como leído</translation>
    </message>
</context>
<context>
    <name>vox::ui::PatientDataActions</name>
    <message>
        <source>Legal hold</source>
        <translation>Retención legal</translation>
    </message>
    <message>
        <source>Keep everything about this patient: nightly retention skips them and they cannot be erased</source>
        <translation>Conservar todo sobre este paciente: la limpieza nocturna no lo toca y no se puede borrar</translation>
    </message>
    <message>
        <source>Export patient data…</source>
        <translation>Exportar datos del paciente…</translation>
    </message>
    <message>
        <source>Save everything held about this patient as a readable report and a JSON file</source>
        <translation>Guardar todo lo que se conserva de este paciente como un informe legible y un archivo JSON</translation>
    </message>
    <message>
        <source>Erase patient…</source>
        <translation>Borrar paciente…</translation>
    </message>
    <message>
        <source>Lift the legal hold before erasing this patient</source>
        <translation>Levante la retención legal antes de borrar a este paciente</translation>
    </message>
    <message>
        <source>Remove this patient&apos;s details for good</source>
        <translation>Eliminar para siempre los datos de este paciente</translation>
    </message>
    <message>
        <source>This patient is on legal hold.</source>
        <translation>Este paciente está en retención legal.</translation>
    </message>
    <message>
        <source>The legal hold is lifted.</source>
        <translation>Se levantó la retención legal.</translation>
    </message>
    <message>
        <source>Save the patient&apos;s data in</source>
        <translation>Guardar los datos del paciente en</translation>
    </message>
    <message>
        <source>The files could not be written in %1.</source>
        <translation>No se pudieron escribir los archivos en %1.</translation>
    </message>
    <message>
        <source>Saved %1.txt and %1.json.</source>
        <translation>Se guardaron %1.txt y %1.json.</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>este paciente</translation>
    </message>
    <message>
        <source>Erase patient</source>
        <translation>Borrar paciente</translation>
    </message>
    <message>
        <source>Erase %1 for good? This cannot be undone.

• Their name, phone number and e-mail are deleted.
• Their calls keep only the time, length, outcome and value: transcripts, summaries and recordings are deleted here and at Vapi.
• Their messages lose their text and recipient.
• Their appointments stay in the calendar without their name or notes.
• A record that an erasure happened, by you, is kept without their details.

Export their data first if they asked for a copy.</source>
        <translation>¿Borrar a %1 para siempre? No se puede deshacer.

• Se eliminan su nombre, su teléfono y su correo electrónico.
• Sus llamadas conservan solo la hora, la duración, el resultado y el valor: las transcripciones, los resúmenes y las grabaciones se eliminan aquí y en Vapi.
• Sus mensajes pierden el texto y el destinatario.
• Sus citas siguen en el calendario sin su nombre ni sus notas.
• Se conserva un registro de que usted hizo el borrado, sin sus datos.

Exporte antes sus datos si pidió una copia.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Keep the patient</source>
        <translation>Conservar al paciente</translation>
    </message>
    <message>
        <source>The patient was erased.</source>
        <translation>Se borró al paciente.</translation>
    </message>
</context>
<context>
    <name>vox::ui::PhoneNumberStep</name>
    <message>
        <source>Show this number</source>
        <translation>Mostrar este número</translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number</source>
        <translation>El número de teléfono de su clínica</translation>
    </message>
    <message>
        <source>The number your patients call today. Twilio will call it once, so we know the phone is yours.</source>
        <translation>El número al que llaman hoy sus pacientes. Twilio lo llamará una vez para comprobar que el teléfono es suyo.</translation>
    </message>
    <message>
        <source>Call me with a code</source>
        <translation>Llámenme con un código</translation>
    </message>
    <message>
        <source>Twilio&apos;s call shows a code on this screen; you type it on the phone&apos;s keypad. Nothing else is recorded.</source>
        <translation>Durante la llamada de Twilio verá un código en esta pantalla; márquelo en el teclado del teléfono. No se graba nada más.</translation>
    </message>
    <message>
        <source>Too many verification calls to this number. You can ask for another one in %1.</source>
        <translation>Demasiadas llamadas de verificación a este número. Podrá pedir otra dentro de %1.</translation>
    </message>
    <message>
        <source>We will call &lt;b style=&quot;font-family:&apos;%1&apos;&quot;&gt;%2&lt;/b&gt;</source>
        <translation>Llamaremos al &lt;b style=&quot;font-family:&apos;%1&apos;&quot;&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Asking Twilio to call %1…</source>
        <translation>Pidiendo a Twilio que llame al %1…</translation>
    </message>
    <message>
        <source>Phone number, with its area code:</source>
        <translation>Número de teléfono, con su código de área:</translation>
    </message>
</context>
<context>
    <name>vox::ui::RecordingPlayer</name>
    <message>
        <source>Play the recording</source>
        <translation>Reproducir la grabación</translation>
    </message>
    <message>
        <source>Drag to jump to a moment of the call</source>
        <translation>Arrastre para ir a un momento de la llamada</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Plays or pauses the call&apos;s recording</source>
        <translation>Reproduce o pausa la grabación de la llamada</translation>
    </message>
    <message>
        <source>−10 s</source>
        <translation>−10 s</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Retroceder 10 segundos</translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation>+10 s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avanzar 10 segundos</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Posición en la grabación</translation>
    </message>
    <message>
        <source>Try to fetch the recording again</source>
        <translation>Volver a descargar la grabación</translation>
    </message>
    <message>
        <source>Retry the recording</source>
        <translation>Reintentar la grabación</translation>
    </message>
    <message>
        <source>The recording stopped loading: %1</source>
        <translation>La grabación dejó de cargarse: %1</translation>
    </message>
</context>
<context>
    <name>vox::ui::RecordingSharesList</name>
    <message>
        <source>Shared links that still work:</source>
        <translation>Enlaces compartidos que siguen activos:</translation>
    </message>
    <message>
        <source>The link was withdrawn; it no longer plays the recording.</source>
        <translation>Se retiró el enlace; ya no reproduce la grabación.</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1, hasta %2</translation>
    </message>
    <message>
        <source>Shared by %1</source>
        <translation>Compartido por %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Withdraw this link now</source>
        <translation>Retirar este enlace ahora</translation>
    </message>
</context>
<context>
    <name>vox::ui::RedactionBox</name>
    <message>
        <source>Redaction</source>
        <translation>Ocultación de datos</translation>
    </message>
    <message>
        <source>What is checked is replaced by a [REDACTED] mark before transcripts, summaries, live lines, patients&apos; texts and CSV exports are kept or leave the console. The caller&apos;s own number and name stay on the call and the contact, so you can always call back. New clinics redact all seven; a change applies to what is stored from then on.</source>
        <translation>Lo que está marcado se sustituye por una marca [REDACTED] antes de que las transcripciones, los resúmenes, las líneas en directo, los mensajes de los pacientes y las exportaciones CSV se guarden o salgan de la consola. El número y el nombre de quien llama se conservan en la llamada y en el contacto, para que siempre pueda devolver la llamada. Las clínicas nuevas ocultan las siete categorías; un cambio se aplica a lo que se guarde a partir de entonces.</translation>
    </message>
    <message>
        <source>Social security numbers</source>
        <translation>Números de la seguridad social</translation>
    </message>
    <message>
        <source>123-45-6789, or nine digits after &quot;social security&quot;.</source>
        <translation>123-45-6789, o nueve dígitos tras &quot;social security&quot;.</translation>
    </message>
    <message>
        <source>Payment card numbers</source>
        <translation>Números de tarjetas de pago</translation>
    </message>
    <message>
        <source>13 to 19 digits that pass the card number checksum.</source>
        <translation>De 13 a 19 dígitos que superan la comprobación del número de tarjeta.</translation>
    </message>
    <message>
        <source>Dates of birth</source>
        <translation>Fechas de nacimiento</translation>
    </message>
    <message>
        <source>Dates after &quot;born&quot; or &quot;date of birth&quot;, and dates two years back or more; appointment dates stay.</source>
        <translation>Fechas tras &quot;born&quot; o &quot;date of birth&quot;, y fechas de hace dos años o más; las fechas de las citas se conservan.</translation>
    </message>
    <message>
        <source>Phone numbers said in the call</source>
        <translation>Números de teléfono dichos en la llamada</translation>
    </message>
    <message>
        <source>Numbers such as 555-123-4567 or +34 912 345 678; times and prices stay.</source>
        <translation>Números como 555-123-4567 o +34 912 345 678; las horas y los precios se conservan.</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>Direcciones de correo electrónico</translation>
    </message>
    <message>
        <source>Written, or spoken as in &quot;jane dot doe at gmail dot com&quot;.</source>
        <translation>Escritas, o dictadas como &quot;jane dot doe at gmail dot com&quot;.</translation>
    </message>
    <message>
        <source>Street addresses</source>
        <translation>Direcciones postales</translation>
    </message>
    <message>
        <source>A house number and street, such as 42 Oak Street, Apt 3B, and PO boxes.</source>
        <translation>Un número y una calle, como 42 Oak Street, Apt 3B, y los apartados de correos.</translation>
    </message>
    <message>
        <source>Medical record and insurance numbers</source>
        <translation>Números de historia clínica y de seguro</translation>
    </message>
    <message>
        <source>The number after MRN, medical record, patient ID, member ID or policy number.</source>
        <translation>El número tras MRN, medical record, patient ID, member ID o policy number.</translation>
    </message>
    <message>
        <source>Save redaction</source>
        <translation>Guardar ocultación</translation>
    </message>
    <message>
        <source>Saves which kinds of patient data are redacted.</source>
        <translation>Guarda qué tipos de datos de pacientes se ocultan.</translation>
    </message>
    <message>
        <source>Redaction is switched off for this clinic: text is kept as it was said.</source>
        <translation>La ocultación está desactivada en esta clínica: el texto se guarda tal como se dijo.</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change these.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden cambiar estos datos.</translation>
    </message>
    <message>
        <source>Redaction saved.</source>
        <translation>Ocultación guardada.</translation>
    </message>
</context>
<context>
    <name>vox::ui::RemindersBox</name>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Patients are reminded of their appointments by themselves. A text due in the quiet hours goes when they end, in the morning.</source>
        <translation>Los pacientes reciben recordatorios de sus citas automáticamente. Un SMS que toque en las horas de silencio se envía cuando terminan, por la mañana.</translation>
    </message>
    <message>
        <source>Send reminders automatically</source>
        <translation>Enviar recordatorios automáticamente</translation>
    </message>
    <message>
        <source>When booked</source>
        <translation>Al reservar</translation>
    </message>
    <message>
        <source>24 h before</source>
        <translation>24 h antes</translation>
    </message>
    <message>
        <source>2 h before</source>
        <translation>2 h antes</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>Inicio de las horas de silencio</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>Fin de las horas de silencio</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Horas de silencio</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>Asunto del correo</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Marcadores: %1</translation>
    </message>
    <message>
        <source>Patients whose contact prefers Spanish get the default words in Spanish; words you write are sent as written.</source>
        <translation>Los pacientes cuyo contacto prefiere el español reciben las palabras predeterminadas en español; las que usted escriba se envían tal cual.</translation>
    </message>
    <message>
        <source>Save reminders</source>
        <translation>Guardar recordatorios</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), %1 of %2 characters (%3)</source>
        <translation>
            <numerusform>%n parte de SMS, %1 de %2 caracteres (%3)</numerusform>
            <numerusform>%n partes de SMS, %1 de %2 caracteres (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texto simple</translation>
    </message>
    <message>
        <source>Unicode, fewer per part</source>
        <translation>Unicode, menos por parte</translation>
    </message>
    <message>
        <source>Reminders saved.</source>
        <translation>Recordatorios guardados.</translation>
    </message>
    <message>
        <source>From this time no reminder is texted; it waits until quiet hours end</source>
        <translation>Desde esta hora no se envía ningún recordatorio por SMS; espera a que terminen las horas de silencio</translation>
    </message>
    <message>
        <source>Reminders held back overnight are texted at this time, in the clinic&apos;s time zone</source>
        <translation>Los recordatorios retenidos durante la noche se envían a esta hora, en la zona horaria de la clínica</translation>
    </message>
    <message>
        <source>The reminder&apos;s text message; {first_name}, {service}, {date}, {time} and {clinic} are filled in for each patient</source>
        <translation>El SMS del recordatorio; {first_name}, {service}, {date}, {time} y {clinic} se completan para cada paciente</translation>
    </message>
    <message>
        <source>The subject line of the reminder e-mail</source>
        <translation>El asunto del correo de recordatorio</translation>
    </message>
    <message>
        <source>The reminder e-mail&apos;s text; the same placeholders as the text message are filled in</source>
        <translation>El texto del correo de recordatorio; se completan los mismos marcadores que en el SMS</translation>
    </message>
</context>
<context>
    <name>vox::ui::ReportsPage</name>
    <message>
        <source>Compare with the period before</source>
        <translation>Comparar con el periodo anterior</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>The days the report covers; Custom takes the first and last day as typed</source>
        <translation>Los días que abarca el informe; Personalizado usa el primer y el último día escritos</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>La semana pasada</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Incoming calls. Transferred: the call was handed to a person. Missed: it failed or ended without anyone talking. Answered by the AI: the rest that ended.</source>
        <translation>Llamadas entrantes. Transferidas: la llamada pasó a una persona. Perdidas: falló o terminó sin que nadie hablara. Atendidas por la IA: el resto de las que terminaron.</translation>
    </message>
    <message>
        <source>Incoming and outgoing calls that started in the period, by the clinic&apos;s calendar.</source>
        <translation>Llamadas entrantes y salientes que empezaron en el periodo, según el calendario de la clínica.</translation>
    </message>
    <message>
        <source>Answered by the AI</source>
        <translation>Atendidas por la IA</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferidas</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidas</translation>
    </message>
    <message>
        <source>While closed</source>
        <translation>Con la clínica cerrada</translation>
    </message>
    <message>
        <source>Incoming calls outside the opening hours set in Settings.</source>
        <translation>Llamadas entrantes fuera del horario de apertura fijado en Ajustes.</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>Llamadas por día</translation>
    </message>
    <message>
        <source>Calls per day of the clinic&apos;s calendar; the grey bars are the same day of the period before.</source>
        <translation>Llamadas por día del calendario de la clínica; las barras grises son el mismo día del periodo anterior.</translation>
    </message>
    <message>
        <source>When callers call</source>
        <translation>Cuándo llaman los pacientes</translation>
    </message>
    <message>
        <source>From call to appointment</source>
        <translation>De la llamada a la cita</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>Incoming calls that booked ÷ incoming calls × 100, as on the dashboard.</source>
        <translation>Llamadas entrantes con reserva ÷ llamadas entrantes × 100, como en el panel.</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservadas</translation>
    </message>
    <message>
        <source>Incoming calls during which an appointment was booked.</source>
        <translation>Llamadas entrantes durante las que se reservó una cita.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Este periodo</translation>
    </message>
    <message>
        <source>Period before</source>
        <translation>Periodo anterior</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Each step from call to appointment in this period, the period before, and the change</source>
        <translation>Cada paso de la llamada a la cita en este periodo, el periodo anterior y el cambio</translation>
    </message>
    <message>
        <source>Calls: incoming calls. Leads: different callers among them. Booked: calls that booked. Attended, cancelled: what became of those appointments. No-show: appointments already over but never marked attended or cancelled.</source>
        <translation>Llamadas: llamadas entrantes. Contactos: pacientes distintos entre ellas. Reservadas: llamadas con reserva. Atendidas, canceladas: qué pasó con esas citas. No se presentó: citas ya pasadas que nunca se marcaron como atendidas ni canceladas.</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Dinero</translation>
    </message>
    <message>
        <source>Pipeline value</source>
        <translation>Valor en cartera</translation>
    </message>
    <message>
        <source>Sum of the calls&apos; values: the booked service&apos;s price, otherwise the prices of the services the caller mentioned.</source>
        <translation>Suma del valor de las llamadas: el precio del servicio reservado o, si no, los precios de los servicios que mencionó el paciente.</translation>
    </message>
    <message>
        <source>Booked value</source>
        <translation>Valor reservado</translation>
    </message>
    <message>
        <source>The same sum over the calls that booked.</source>
        <translation>La misma suma sobre las llamadas con reserva.</translation>
    </message>
    <message>
        <source>Average per call</source>
        <translation>Media por llamada</translation>
    </message>
    <message>
        <source>Pipeline value ÷ calls.</source>
        <translation>Valor en cartera ÷ llamadas.</translation>
    </message>
    <message>
        <source>Money per service</source>
        <translation>Dinero por servicio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Asked about</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Cartera</translation>
    </message>
    <message>
        <source>Per service: its price, the calls that asked about it and that booked it, and their value</source>
        <translation>Por servicio: su precio, las llamadas que lo consultaron y las que lo reservaron, y su valor</translation>
    </message>
    <message>
        <source>Asked about: calls whose words matched the service&apos;s keywords. Booked: calls that booked it. Values are today&apos;s price times those calls.</source>
        <translation>Consultado: llamadas cuyas palabras coincidieron con las palabras clave del servicio. Reservadas: llamadas que lo reservaron. Los valores son el precio actual por esas llamadas.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Average sentiment</source>
        <translation>Sentimiento medio</translation>
    </message>
    <message>
        <source>Mean sentiment score of the calls that have one, from −1 to 1.</source>
        <translation>Puntuación media de sentimiento de las llamadas que la tienen, de −1 a 1.</translation>
    </message>
    <message>
        <source>Transfer rate</source>
        <translation>Tasa de transferencia</translation>
    </message>
    <message>
        <source>Transferred incoming calls ÷ incoming calls × 100.</source>
        <translation>Llamadas entrantes transferidas ÷ llamadas entrantes × 100.</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Sin resolver</translation>
    </message>
    <message>
        <source>Calls the AI answered that neither booked nor were transferred, and that Vapi&apos;s success evaluation did not pass.</source>
        <translation>Llamadas atendidas por la IA sin reserva ni transferencia que no superaron la evaluación de éxito de Vapi.</translation>
    </message>
    <message>
        <source>Sentiment per day</source>
        <translation>Sentimiento por día</translation>
    </message>
    <message>
        <source>Mean sentiment per day; days without a scored call are left out of the line.</source>
        <translation>Sentimiento medio por día; los días sin llamadas puntuadas no forman parte de la línea.</translation>
    </message>
    <message>
        <source>Calls by length</source>
        <translation>Llamadas por duración</translation>
    </message>
    <message>
        <source>Call length</source>
        <translation>Duración de la llamada</translation>
    </message>
    <message>
        <source>Transfer reasons</source>
        <translation>Motivos de transferencia</translation>
    </message>
    <message>
        <source>Transfer reason</source>
        <translation>Motivo de la transferencia</translation>
    </message>
    <message>
        <source>Transferred calls by the reason recorded</source>
        <translation>Llamadas transferidas según el motivo registrado</translation>
    </message>
    <message>
        <source>Ended calls by talk time, in this period and the period before</source>
        <translation>Llamadas terminadas según su duración, en este periodo y en el anterior</translation>
    </message>
    <message>
        <source>Ended calls by talk time. Transfer reasons as recorded, the ten most frequent.</source>
        <translation>Llamadas terminadas según su duración. Motivos de transferencia tal como se registraron, los diez más frecuentes.</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n day(s)), compared with %3 – %4. Days and hours are the clinic&apos;s.</source>
        <translation>
            <numerusform>%1 – %2 (%n día), comparado con %3 – %4. Días y horas de la clínica.</numerusform>
            <numerusform>%1 – %2 (%n días), comparado con %3 – %4. Días y horas de la clínica.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a last day on or after the first, at most %1 days later.</source>
        <translation>Elija un último día igual o posterior al primero, como mucho %1 días después.</translation>
    </message>
    <message>
        <source>Before: %1 (%2%3%)</source>
        <translation>Antes: %1 (%2%3 %)</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Antes: %1</translation>
    </message>
    <message numerus="yes">
        <source>Incoming calls by weekday and hour of the clinic&apos;s clock; darker is busier (at most %n call(s) in one hour). Hatched hours are outside the opening hours.</source>
        <translation>
            <numerusform>Llamadas entrantes por día de la semana y hora de la clínica; más oscuro es más concurrido (como mucho %n llamada en una hora). Las horas rayadas están fuera del horario de apertura.</numerusform>
            <numerusform>Llamadas entrantes por día de la semana y hora de la clínica; más oscuro es más concurrido (como mucho %n llamadas en una hora). Las horas rayadas están fuera del horario de apertura.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Canceladas</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>%1 o más</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Sin motivo registrado</translation>
    </message>
    <message>
        <source>Day of the period</source>
        <translation>Día del periodo</translation>
    </message>
    <message>
        <source>Report %1 – %2</source>
        <translation>Informe %1 – %2</translation>
    </message>
    <message>
        <source>Export the report as an image</source>
        <translation>Exportar el informe como imagen</translation>
    </message>
    <message>
        <source>Export the report as a PDF</source>
        <translation>Exportar el informe como PDF</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report was saved to %1.</source>
        <translation>El informe se guardó en %1.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cifras</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Every text and e-mail sent and received, exportable to CSV</source>
        <translation>Todos los textos y correos enviados y recibidos, exportables a CSV</translation>
    </message>
    <message>
        <source>Tool errors</source>
        <translation>Errores de herramientas</translation>
    </message>
    <message>
        <source>Times the AI&apos;s booking tools failed during calls: a booking the rules refused, a service the clinic does not offer, a time already taken, an appointment not found, unreadable details, or trouble on our side.</source>
        <translation>Veces que las herramientas de reserva de la IA fallaron durante las llamadas: una reserva que las reglas rechazaron, un servicio que la clínica no ofrece, una hora ya ocupada, una cita no encontrada, datos ilegibles o un problema de nuestro lado.</translation>
    </message>
    <message>
        <source>Calls reviewed</source>
        <translation>Llamadas revisadas</translation>
    </message>
    <message>
        <source>Calls in the period that someone at the clinic reviewed.</source>
        <translation>Llamadas del periodo que alguien de la clínica revisó.</translation>
    </message>
    <message>
        <source>Average review score</source>
        <translation>Puntuación media de revisión</translation>
    </message>
    <message>
        <source>Mean score (1 to 5) of the reviewed calls.</source>
        <translation>Puntuación media (de 1 a 5) de las llamadas revisadas.</translation>
    </message>
    <message>
        <source>Tool errors by kind</source>
        <translation>Errores de herramientas por tipo</translation>
    </message>
    <message>
        <source>Tool error</source>
        <translation>Error de herramienta</translation>
    </message>
    <message>
        <source>Failed tool calls by kind, in this period and the period before</source>
        <translation>Llamadas a herramientas fallidas por tipo, en este periodo y en el anterior</translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation>Etiquetas de revisión</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Reviewed calls per tag</source>
        <translation>Llamadas revisadas por etiqueta</translation>
    </message>
    <message>
        <source>Reminders and messages</source>
        <translation>Recordatorios y mensajes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Texts and e-mails the clinic wrote in the period that the provider accepted.</source>
        <translation>Textos y correos que la clínica escribió en el periodo y que el proveedor aceptó.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Those the provider reported delivered.</source>
        <translation>Los que el proveedor informó como entregados.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Those that could not be sent or delivered.</source>
        <translation>Los que no se pudieron enviar o entregar.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Appointment reminders written, by text or e-mail.</source>
        <translation>Recordatorios de cita escritos, por texto o correo.</translation>
    </message>
    <message>
        <source>Confirmed by reply</source>
        <translation>Confirmadas por respuesta</translation>
    </message>
    <message>
        <source>Texts from patients read as confirming their appointment.</source>
        <translation>Textos de pacientes entendidos como confirmación de su cita.</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>Texts from patients asking for no more texts (STOP and the like).</source>
        <translation>Textos de pacientes que piden no recibir más textos (STOP y similares).</translation>
    </message>
    <message>
        <source>Missed-call text-backs</source>
        <translation>Textos tras llamadas perdidas</translation>
    </message>
    <message>
        <source>Texts written to callers who reached nobody.</source>
        <translation>Textos escritos a quienes llamaron y no hablaron con nadie.</translation>
    </message>
    <message>
        <source>Booking refused by the rules</source>
        <translation>Reserva rechazada por las reglas</translation>
    </message>
    <message>
        <source>Service not offered</source>
        <translation>Servicio no ofrecido</translation>
    </message>
    <message>
        <source>Time already taken</source>
        <translation>Hora ya ocupada</translation>
    </message>
    <message>
        <source>Appointment not found</source>
        <translation>Cita no encontrada</translation>
    </message>
    <message>
        <source>Unknown tool</source>
        <translation>Herramienta desconocida</translation>
    </message>
    <message>
        <source>Details not readable</source>
        <translation>Datos ilegibles</translation>
    </message>
    <message>
        <source>Trouble on our side</source>
        <translation>Problema de nuestro lado</translation>
    </message>
    <message>
        <source>Tool errors per day</source>
        <translation>Errores de herramientas por día</translation>
    </message>
    <message>
        <source>Tool errors per day; the grey bars are the same day of the period before. Tool errors are counted on the day they happened. A reviewed call counts once for each of its tags.</source>
        <translation>Errores de herramientas por día; las barras grises son el mismo día del periodo anterior. Los errores de herramientas cuentan el día en que ocurrieron. Una llamada revisada cuenta una vez por cada una de sus etiquetas.</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>Mensajes por día</translation>
    </message>
    <message>
        <source>Sent, delivered and failed messages per day. Messages count on the day they were written, in the clinic&apos;s calendar; hover a figure for what it counts.</source>
        <translation>Mensajes enviados, entregados y fallidos por día. Los mensajes cuentan el día en que se escribieron, según el calendario de la clínica; pase el cursor sobre una cifra para ver qué cuenta.</translation>
    </message>
    <message numerus="yes">
        <source>None in %n day(s).</source>
        <translation>
            <numerusform>Ninguno en %n día.</numerusform>
            <numerusform>Ninguno en %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n day(s), the most on %2 (%3).</source>
        <translation>
            <numerusform>%1 en %n día; el día con más, %2 (%3).</numerusform>
            <numerusform>%1 en %n días; el día con más, %2 (%3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent: %1 Delivered: %2 Failed: %3</source>
        <translation>Enviados: %1 Entregados: %2 Fallidos: %3</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>Cambio (%)</translation>
    </message>
</context>
<context>
    <name>vox::ui::RetentionBox</name>
    <message>
        <source>Retention</source>
        <translation>Conservación de datos</translation>
    </message>
    <message>
        <source>Each night the content older than these windows is removed: recordings (also at Vapi), transcripts with their summaries, and the text of messages. That a call or message happened, its length, outcome and value stay. Patients on legal hold are skipped. New clinics start with recordings for 365 days and transcripts and messages for six years (2190 days), how long HIPAA asks for documentation to be kept.</source>
        <translation>Cada noche se elimina el contenido más antiguo que estos plazos: las grabaciones (también en Vapi), las transcripciones con sus resúmenes y el texto de los mensajes. Se conserva que hubo una llamada o un mensaje, su duración, su resultado y su valor. Los pacientes en retención legal no se tocan. Las clínicas nuevas empiezan con 365 días para las grabaciones y seis años (2190 días) para transcripciones y mensajes, el tiempo que HIPAA pide conservar la documentación.</translation>
    </message>
    <message>
        <source>Keep recordings</source>
        <translation>Conservar grabaciones</translation>
    </message>
    <message>
        <source>Keep transcripts</source>
        <translation>Conservar transcripciones</translation>
    </message>
    <message>
        <source>Keep message content</source>
        <translation>Conservar el texto de los mensajes</translation>
    </message>
    <message>
        <source>Save retention</source>
        <translation>Guardar conservación</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Para siempre</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Down to 0 keeps it forever.</source>
        <translation>Bajando a 0 se conserva para siempre.</translation>
    </message>
    <message>
        <source>Retention saved.</source>
        <translation>Se guardó la conservación de datos.</translation>
    </message>
</context>
<context>
    <name>vox::ui::ReviewTagsDialog</name>
    <message>
        <source>Review tags</source>
        <translation>Etiquetas de revisión</translation>
    </message>
    <message>
        <source>The tags reviewers choose from, one a line (at most 50, each up to 40 characters). Reviews already saved keep their tags.</source>
        <translation>Las etiquetas entre las que eligen los revisores, una por línea (50 como máximo, de hasta 40 caracteres cada una). Las revisiones ya guardadas conservan sus etiquetas.</translation>
    </message>
    <message>
        <source>Review tags, one a line</source>
        <translation>Etiquetas de revisión, una por línea</translation>
    </message>
    <message>
        <source>Save the review tags</source>
        <translation>Guardar las etiquetas de revisión</translation>
    </message>
</context>
<context>
    <name>vox::ui::ServicesModel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Will be deleted when you save</source>
        <translation>Se eliminará al guardar</translation>
    </message>
    <message>
        <source>New: not saved yet</source>
        <translation>Nuevo: aún sin guardar</translation>
    </message>
    <message>
        <source>Changed: not saved yet</source>
        <translation>Modificado: aún sin guardar</translation>
    </message>
    <message>
        <source>Enter a name for the service.</source>
        <translation>Escriba un nombre para el servicio.</translation>
    </message>
    <message>
        <source>Keep the name under %1 characters.</source>
        <translation>El nombre debe tener menos de %1 caracteres.</translation>
    </message>
    <message>
        <source>Another service is already called “%1”. Choose another name.</source>
        <translation>Ya hay otro servicio llamado «%1». Elija otro nombre.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>El precio no puede ser negativo.</translation>
    </message>
    <message>
        <source>That price is too high.</source>
        <translation>Ese precio es demasiado alto.</translation>
    </message>
    <message>
        <source>A service takes %1 to %2 minutes.</source>
        <translation>Un servicio dura de %1 a %2 minutos.</translation>
    </message>
    <message>
        <source>Up to %1 minutes.</source>
        <translation>Hasta %1 minutos.</translation>
    </message>
</context>
<context>
    <name>vox::ui::ServicesPage</name>
    <message>
        <source>Add service</source>
        <translation>Añadir servicio</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Deshacer (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rehacer (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change services and prices.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden cambiar los servicios y los precios.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>400 or 49.99</source>
        <translation>400 o 49.99</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Precio:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Palabras clave:</translation>
    </message>
    <message>
        <source>Words callers use for this service. The AI and the pricing listen for them in calls.</source>
        <translation>Palabras que usan los pacientes para este servicio. La IA y el cálculo de precios las buscan en las llamadas.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Takes:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Free before:</source>
        <translation>Libre antes:</translation>
    </message>
    <message>
        <source>Free after:</source>
        <translation>Libre después:</translation>
    </message>
    <message>
        <source>Test keywords</source>
        <translation>Probar palabras clave</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Cargando servicios…</translation>
    </message>
    <message>
        <source>The services could not be loaded.</source>
        <translation>No se pudieron cargar los servicios.</translation>
    </message>
    <message>
        <source>No services yet.</source>
        <translation>Todavía no hay servicios.</translation>
    </message>
    <message>
        <source>Add the treatments you offer with their prices.</source>
        <translation>Añada los tratamientos que ofrece con sus precios.</translation>
    </message>
    <message>
        <source>Service (deleted when you save)</source>
        <translation>Servicio (se eliminará al guardar)</translation>
    </message>
    <message>
        <source>Enter a price (0 if the service is free).</source>
        <translation>Escriba un precio (0 si el servicio es gratuito).</translation>
    </message>
    <message>
        <source>Enter the price as a number, such as 400 or 49.99.</source>
        <translation>Escriba el precio como número, por ejemplo 400 o 49.99.</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nada que deshacer</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nada que rehacer</translation>
    </message>
    <message>
        <source>Fix the marked fields first</source>
        <translation>Corrija primero los campos marcados</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n cambio sin guardar</numerusform>
            <numerusform>%n cambios sin guardar</numerusform>
        </translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Servicio nuevo</translation>
    </message>
    <message>
        <source>New service %1</source>
        <translation>Servicio nuevo %1</translation>
    </message>
    <message>
        <source>Some services need fixing first: see the marked fields.</source>
        <translation>Hay que corregir algunos servicios primero: vea los campos marcados.</translation>
    </message>
    <message>
        <source>Services saved.</source>
        <translation>Servicios guardados.</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) could not be saved: see the marked fields.</source>
        <translation>
            <numerusform>No se pudo guardar %n servicio: vea los campos marcados.</numerusform>
            <numerusform>No se pudieron guardar %n servicios: vea los campos marcados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>The treatments the clinic offers with their prices; the chosen one is edited beside the list</source>
        <translation>Los tratamientos que ofrece la clínica con sus precios; el elegido se edita junto a la lista</translation>
    </message>
    <message>
        <source>How the clinic and the AI call this treatment</source>
        <translation>Cómo llaman la clínica y la IA a este tratamiento</translation>
    </message>
    <message>
        <source>How long the appointment lasts, in minutes</source>
        <translation>Cuánto dura la cita, en minutos</translation>
    </message>
    <message>
        <source>Minutes kept free before the appointment (preparing the room)</source>
        <translation>Minutos libres antes de la cita (preparar la sala)</translation>
    </message>
    <message>
        <source>Minutes kept free after the appointment (cleaning, recovery)</source>
        <translation>Minutos libres después de la cita (limpieza, recuperación)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>In the clinic&apos;s currency; a price per unit is set on the line below</source>
        <translation>En la moneda de la clínica; el precio por unidad se indica en la línea de abajo</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to the services are not saved.</source>
        <translation>
            <numerusform>%n cambio en los servicios no está guardado.</numerusform>
            <numerusform>%n cambios en los servicios no están guardados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vox::ui::SessionStore</name>
    <message>
        <source>This computer has no password keychain, so Voxanne cannot remember your sign-in. You will be asked to sign in again next time.</source>
        <translation>Este equipo no tiene llavero de contraseñas, así que Voxanne no puede recordar su sesión. La próxima vez tendrá que iniciar sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>vox::ui::SettingsPage</name>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Connected to:</source>
        <translation>Conectado a:</translation>
    </message>
    <message>
        <source>Use from next start</source>
        <translation>Usar desde el próximo inicio</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <source>That is not a server address (for example https://voxanne.clinic.example).</source>
        <translation>Esa no es una dirección de servidor (por ejemplo https://voxanne.clinica.example).</translation>
    </message>
    <message>
        <source>The console connects to %1 from its next start.</source>
        <translation>La consola se conectará a %1 a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Apariencia:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The console changes language the next time it starts.</source>
        <translation>La consola cambiará de idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the log folder, to send the logs to support</source>
        <translation>Abrir la carpeta de registros, para enviarlos al soporte técnico</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Carpeta de registros:</translation>
    </message>
    <message>
        <source>The folder could not be opened.</source>
        <translation>No se pudo abrir la carpeta.</translation>
    </message>
    <message>
        <source>About Voxanne Console…</source>
        <translation>Acerca de la Consola Voxanne…</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>La clínica</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona horaria:</translation>
    </message>
    <message>
        <source>Opening hours (the AI only books inside them):</source>
        <translation>Horario de apertura (la IA solo reserva citas dentro de él):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>People who use the console</source>
        <translation>Personas que usan la consola</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último acceso</translation>
    </message>
    <message>
        <source>name@clinic.com</source>
        <translation>nombre@clinica.com</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Función:</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <source>Used by the AI when it talks about the clinic and books appointments.</source>
        <translation>La IA los usa cuando habla de la clínica y reserva citas.</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can change these.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden cambiar estos datos.</translation>
    </message>
    <message>
        <source>Some days have a second opening (a lunch break). Saving here keeps only the first opening of each day.</source>
        <translation>Algunos días tienen un segundo horario (una pausa para comer). Si guarda aquí, solo se conserva el primer horario de cada día.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation>Escriba el nombre de la clínica.</translation>
    </message>
    <message>
        <source>On %1 the clinic closes before it opens.</source>
        <translation>El %1 la clínica cierra antes de abrir.</translation>
    </message>
    <message>
        <source>Clinic settings saved.</source>
        <translation>Configuración de la clínica guardada.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation>Escriba el correo electrónico de la persona.</translation>
    </message>
    <message>
        <source>Someone with this e-mail address already has an account.</source>
        <translation>Ya hay alguien con una cuenta con este correo electrónico.</translation>
    </message>
    <message>
        <source>That is not an e-mail address.</source>
        <translation>Eso no es un correo electrónico.</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>Se añadió a %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>For hot leads and new bookings</source>
        <translation>De clientes potenciales calientes y citas nuevas</translation>
    </message>
    <message>
        <source>Desktop notifications:</source>
        <translation>Notificaciones de escritorio:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>¿Desactivar la cuenta de %1?</translation>
    </message>
    <message>
        <source>%1 is signed out on every computer at once and cannot sign in until enabled again. Nothing they entered is deleted.</source>
        <translation>La sesión de %1 se cierra al instante en todos los equipos y no podrá iniciar sesión hasta que se active de nuevo. No se borra nada de lo que haya registrado.</translation>
    </message>
    <message>
        <source>Keep access</source>
        <translation>Mantener el acceso</translation>
    </message>
    <message>
        <source>Enable %1?</source>
        <translation>¿Activar la cuenta de %1?</translation>
    </message>
    <message>
        <source>%1 can sign in again with their password.</source>
        <translation>%1 podrá volver a iniciar sesión con su contraseña.</translation>
    </message>
    <message>
        <source>Leave disabled</source>
        <translation>Mantener desactivada</translation>
    </message>
    <message>
        <source>%1 was disabled and signed out.</source>
        <translation>Se desactivó la cuenta de %1 y se cerraron sus sesiones.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 ya puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>Phone numbers:</source>
        <translation>Números de teléfono:</translation>
    </message>
    <message>
        <source>Numbers typed without + and a country code are read as this country&apos;s.</source>
        <translation>Los números escritos sin + ni código de país se leen como números de este país.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>The clinic&apos;s server this console connects to</source>
        <translation>El servidor de la clínica al que se conecta esta consola</translation>
    </message>
    <message>
        <source>Light or dark colours on this computer</source>
        <translation>Colores claros u oscuros en este ordenador</translation>
    </message>
    <message>
        <source>The console&apos;s language on this computer</source>
        <translation>El idioma de la consola en este ordenador</translation>
    </message>
    <message>
        <source>The name the AI gives callers</source>
        <translation>El nombre que la IA da a quienes llaman</translation>
    </message>
    <message>
        <source>Where the clinic is: opening hours and appointments are in this zone</source>
        <translation>Dónde está la clínica: el horario y las citas están en esta zona</translation>
    </message>
    <message>
        <source>Numbers typed without + and a country code are read as this country&apos;s</source>
        <translation>Los números escritos sin + ni código de país se leen como de este país</translation>
    </message>
    <message>
        <source>Whether the clinic opens on %1</source>
        <translation>Si la clínica abre el %1</translation>
    </message>
    <message>
        <source>%1 opens at</source>
        <translation>%1 abre a las</translation>
    </message>
    <message>
        <source>The time the clinic opens on %1</source>
        <translation>La hora a la que abre la clínica el %1</translation>
    </message>
    <message>
        <source>%1 closes at</source>
        <translation>%1 cierra a las</translation>
    </message>
    <message>
        <source>The time the clinic closes on %1</source>
        <translation>La hora a la que cierra la clínica el %1</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Cambiar mi contraseña…</translation>
    </message>
    <message>
        <source>Everyone who can sign in to this clinic, with their role and last sign-in</source>
        <translation>Todas las personas que pueden iniciar sesión en esta clínica, con su función y su último inicio de sesión</translation>
    </message>
    <message>
        <source>The new person&apos;s e-mail address; they sign in with it</source>
        <translation>El correo electrónico de la persona nueva; inicia sesión con él</translation>
    </message>
    <message>
        <source>Shown to colleagues; optional</source>
        <translation>Lo ven los compañeros; opcional</translation>
    </message>
    <message>
        <source>Staff use the console; admins and owners also change the clinic&apos;s settings</source>
        <translation>El personal usa la consola; administradores y propietarios también cambian los ajustes de la clínica</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2).</source>
        <translation>Ha iniciado sesión como %1 (%2).</translation>
    </message>
    <message>
        <source>The clinic&apos;s details are not saved.</source>
        <translation>Los datos de la clínica no están guardados.</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Reset %1&apos;s password</source>
        <translation>Restablecer la contraseña de %1</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Activar a %1</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>Desactivar a %1</translation>
    </message>
    <message>
        <source>Reset %1&apos;s password?</source>
        <translation>¿Restablecer la contraseña de %1?</translation>
    </message>
    <message>
        <source>Their current password stops working and they are signed out on every computer. You get a temporary password to give them; they choose their own when they sign in with it.</source>
        <translation>Su contraseña actual deja de funcionar y se cierran sus sesiones en todos los ordenadores. Usted recibe una contraseña temporal para dársela; elige la suya al iniciar sesión con ella.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>When a patient texts and the Inbox is not open</source>
        <translation>Cuando escribe un paciente y la página Mensajes no está abierta</translation>
    </message>
    <message>
        <source>Clinic language</source>
        <translation>Idioma de la clínica</translation>
    </message>
    <message>
        <source>The language the clinic works in: its default review tags and the other words it starts with are in it. Tags already edited stay as they are.</source>
        <translation>El idioma en que trabaja la clínica: en él están sus etiquetas de revisión predeterminadas y las demás palabras con las que empieza. Las etiquetas ya editadas se quedan como están.</translation>
    </message>
    <message>
        <source>Clinic language:</source>
        <translation>Idioma de la clínica:</translation>
    </message>
    <message>
        <source>The language of the default review tags and of the other words the clinic&apos;s defaults start in. Tags already edited stay as they are.</source>
        <translation>El idioma de las etiquetas de revisión predeterminadas y de las demás palabras con las que empiezan los valores predeterminados de la clínica. Las etiquetas ya editadas se quedan como están.</translation>
    </message>
    <message>
        <source>Type a city or a zone&apos;s name to find it, such as New York or Eastern</source>
        <translation>Escriba una ciudad o el nombre de una zona para buscarla, como New York u oriental</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, such as %1.</source>
        <translation>Elija una zona horaria de la lista, por ejemplo %1.</translation>
    </message>
</context>
<context>
    <name>vox::ui::ShareDialog</name>
    <message>
        <source>Share the recording</source>
        <translation>Compartir la grabación</translation>
    </message>
    <message>
        <source>We will e-mail a link to this call&apos;s recording. The link works for 24 hours.</source>
        <translation>Enviaremos por correo un enlace a la grabación de esta llamada. El enlace funciona durante 24 horas.</translation>
    </message>
    <message>
        <source>colleague@clinic.com</source>
        <translation>colega@clinica.com</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Send link</source>
        <translation>Enviar enlace</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
</context>
<context>
    <name>vox::ui::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Search the calls (or the leads, on their page)</source>
        <translation>Buscar en las llamadas (o en los clientes potenciales, en su página)</translation>
    </message>
    <message>
        <source>Read the page again</source>
        <translation>Volver a cargar la página</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Esta lista de atajos</translation>
    </message>
    <message>
        <source>Quit the console</source>
        <translation>Salir de la consola</translation>
    </message>
    <message>
        <source>Next field; a list or table is one stop, the arrow keys move inside it</source>
        <translation>Campo siguiente; una lista o tabla es una sola parada, las flechas se mueven dentro</translation>
    </message>
    <message>
        <source>From the search box, into the results</source>
        <translation>Desde la búsqueda, a los resultados</translation>
    </message>
    <message>
        <source>In the search box, clear the search</source>
        <translation>En la búsqueda, borrarla</translation>
    </message>
    <message>
        <source>In the list, play or pause the chosen call&apos;s recording</source>
        <translation>En la lista, reproducir o pausar la grabación de la llamada elegida</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Redo it</source>
        <translation>Rehacerlo</translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>The recording, 10 seconds back</source>
        <translation>La grabación, 10 segundos atrás</translation>
    </message>
    <message>
        <source>The recording, 10 seconds on</source>
        <translation>La grabación, 10 segundos adelante</translation>
    </message>
    <message>
        <source>Go to a page: Ctrl+1 Today, Ctrl+2 Live … Ctrl+0 Knowledge, in the navigation&apos;s order</source>
        <translation>Ir a una página: Ctrl+1 Hoy, Ctrl+2 En directo … Ctrl+0 Conocimiento, en el orden de la navegación</translation>
    </message>
</context>
<context>
    <name>vox::ui::SignUpDialog</name>
    <message>
        <source>Create your clinic</source>
        <translation>Cree su clínica</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Create your clinic&lt;/h2&gt;&lt;p&gt;You will be its owner. We add common services and opening hours to start with; you can change them any time.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Cree su clínica&lt;/h2&gt;&lt;p&gt;Usted será su propietario. Para empezar añadimos servicios y horarios habituales; puede cambiarlos cuando quiera.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Glow Med Spa</source>
        <translation>Glow Med Spa</translation>
    </message>
    <message>
        <source>Dana Smith</source>
        <translation>Ana López</translation>
    </message>
    <message>
        <source>you@clinic.com</source>
        <translation>usted@clinica.com</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Al menos 10 caracteres</translation>
    </message>
    <message>
        <source>Clinic name:</source>
        <translation>Nombre de la clínica:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Your e-mail:</source>
        <translation>Su correo electrónico:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona horaria:</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;login&quot;&gt;I already have an account&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;login&quot;&gt;Ya tengo una cuenta&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Create clinic</source>
        <translation>Crear clínica</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
    <message>
        <source>the clinic&apos;s name</source>
        <translation>el nombre de la clínica</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>su correo electrónico</translation>
    </message>
    <message>
        <source>a password of at least 10 characters</source>
        <translation>una contraseña de al menos 10 caracteres</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) in the password</source>
        <translation>
            <numerusform>%n carácter más en la contraseña</numerusform>
            <numerusform>%n caracteres más en la contraseña</numerusform>
        </translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Falta: %1.</translation>
    </message>
</context>
<context>
    <name>vox::ui::StartingPanel</name>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Connect to a server instead</source>
        <translation>Conectarse a un servidor</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer is starting</source>
        <translation>El servidor de la clínica en este equipo se está iniciando</translation>
    </message>
    <message>
        <source>Start the clinic&apos;s server on this computer again</source>
        <translation>Volver a iniciar el servidor de la clínica en este equipo</translation>
    </message>
    <message>
        <source>Use a Voxanne server on another computer</source>
        <translation>Usar un servidor de Voxanne en otro equipo</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Cerrar la consola</translation>
    </message>
    <message>
        <source>Starting the clinic&apos;s server…</source>
        <translation>Iniciando el servidor de la clínica…</translation>
    </message>
    <message>
        <source>Voxanne runs the clinic&apos;s server and its database on this computer. The very first start takes a little longer.</source>
        <translation>Voxanne ejecuta el servidor de la clínica y su base de datos en este equipo. El primer inicio tarda un poco más.</translation>
    </message>
    <message>
        <source>The clinic&apos;s server on this computer could not start</source>
        <translation>El servidor de la clínica en este equipo no pudo iniciarse</translation>
    </message>
    <message>
        <source>Try again. If it fails again, show your IT contact this message:
%1</source>
        <translation>Vuelva a intentarlo. Si vuelve a fallar, muestre este mensaje a su contacto de informática:
%1</translation>
    </message>
</context>
<context>
    <name>vox::ui::TableCsvButton</name>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation>Exportar %1 a CSV</translation>
    </message>
    <message>
        <source>Save the table “%1” as a CSV file</source>
        <translation>Guardar la tabla «%1» como archivo CSV</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>The table is no longer shown.</source>
        <translation>La tabla ya no se muestra.</translation>
    </message>
    <message>
        <source>The file could not be saved at %1: %2. Choose another folder.</source>
        <translation>No se pudo guardar el archivo en %1: %2. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>Saves the table&apos;s figures as a spreadsheet file</source>
        <translation>Guarda las cifras de la tabla en un archivo de hoja de cálculo</translation>
    </message>
</context>
<context>
    <name>vox::ui::TelephonyPage</name>
    <message>
        <source>Add a number…</source>
        <translation>Añadir un número…</translation>
    </message>
    <message>
        <source>Set up forwarding…</source>
        <translation>Configurar el desvío…</translation>
    </message>
    <message>
        <source>Turn forwarding off</source>
        <translation>Desactivar el desvío</translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation>Quitar número</translation>
    </message>
    <message>
        <source>Forward the clinic&apos;s own phone number to the AI receptionist. Patients keep calling the number they know; no porting, no new number.</source>
        <translation>Desvíe el número de teléfono de la clínica a la recepcionista IA. Los pacientes siguen llamando al número de siempre: sin portabilidad y sin número nuevo.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Desvío</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Only the clinic&apos;s owner or an admin can manage phone numbers.</source>
        <translation>Solo el propietario de la clínica o un administrador pueden gestionar los números de teléfono.</translation>
    </message>
    <message>
        <source>Ask them to forward the clinic&apos;s number to the AI receptionist.</source>
        <translation>Pídales que desvíen el número de la clínica a la recepcionista IA.</translation>
    </message>
    <message>
        <source>Loading your numbers…</source>
        <translation>Cargando sus números…</translation>
    </message>
    <message>
        <source>The numbers could not be loaded.</source>
        <translation>No se pudieron cargar los números.</translation>
    </message>
    <message>
        <source>No numbers yet.</source>
        <translation>Todavía no hay números.</translation>
    </message>
    <message>
        <source>Press “Add a number…” to forward the clinic&apos;s phone to the AI receptionist in five short steps.</source>
        <translation>Pulse «Añadir un número…» para desviar el teléfono de la clínica a la recepcionista IA en cinco pasos sencillos.</translation>
    </message>
    <message>
        <source>Choose a number to change its forwarding.</source>
        <translation>Elija un número para cambiar su desvío.</translation>
    </message>
    <message>
        <source>Calls to %1 reach the AI receptionist (%2).</source>
        <translation>Las llamadas al %1 llegan a la recepcionista IA (%2).</translation>
    </message>
    <message>
        <source>The code for %1 has not been confirmed yet. Press “Set up forwarding…” to see it again.</source>
        <translation>El código del %1 aún no se ha confirmado. Pulse «Configurar el desvío…» para verlo otra vez.</translation>
    </message>
    <message>
        <source>%1 is verified. Press “Set up forwarding…” to send its calls to the AI.</source>
        <translation>El %1 está verificado. Pulse «Configurar el desvío…» para enviar sus llamadas a la IA.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>Se quitó el %1.</translation>
    </message>
    <message>
        <source>Remove %1 from the clinic&apos;s numbers?</source>
        <translation>¿Quitar el %1 de los números de la clínica?</translation>
    </message>
    <message>
        <source>Its forwarding is on: also dial the turn-off code on that phone, or its calls keep going to the AI&apos;s number.</source>
        <translation>Su desvío está activo: marque también el código de desactivación en ese teléfono, o sus llamadas seguirán yendo al número de la IA.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation>Telefonía</translation>
    </message>
    <message>
        <source>Turn forwarding off for %1? Its calls will ring only at the clinic again, and the AI will no longer answer the ones nobody picks up. You will get a code to dial on that phone.</source>
        <translation>¿Desactivar el desvío del %1? Sus llamadas volverán a sonar solo en la clínica, y la IA dejará de contestar las que nadie atienda. Recibirá un código para marcar en ese teléfono.</translation>
    </message>
    <message>
        <source>The clinic&apos;s numbers</source>
        <translation>Los números de la clínica</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone numbers and whether their calls are forwarded to the AI</source>
        <translation>Los números de teléfono de la clínica y si sus llamadas se desvían a la IA</translation>
    </message>
    <message>
        <source>Verify again…</source>
        <translation>Verificar de nuevo…</translation>
    </message>
    <message>
        <source>%1 is not verified yet. Press “Verify again…” for a new call with a new code.</source>
        <translation>%1 aún no está verificado. Pulse «Verificar de nuevo…» para recibir otra llamada con un código nuevo.</translation>
    </message>
</context>
<context>
    <name>vox::ui::TelephonyWizard</name>
    <message>
        <source>Your number</source>
        <translation>Su número</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Código de verificación</translation>
    </message>
    <message>
        <source>Carrier and mode</source>
        <translation>Operador y modo</translation>
    </message>
    <message>
        <source>Dial the code</source>
        <translation>Marcar el código</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Forward your clinic&apos;s number to the AI</source>
        <translation>Desvíe el número de su clínica a la IA</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Atrás</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Siguiente &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>View my verified numbers</source>
        <translation>Ver mis números verificados</translation>
    </message>
    <message>
        <source>Add another number</source>
        <translation>Añadir otro número</translation>
    </message>
</context>
<context>
    <name>vox::ui::TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <source>%1 can now sign in with this password. It is shown only this once: copy it and give it to them in person or by phone.</source>
        <translation>%1 ya puede iniciar sesión con esta contraseña. Solo se muestra esta vez: cópiela y désela en persona o por teléfono.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Password copied.</source>
        <translation>Contraseña copiada.</translation>
    </message>
    <message>
        <source>%1&apos;s old password no longer works and they were signed out everywhere. They sign in with this one, shown only this once: copy it and give it to them in person or by phone.</source>
        <translation>La contraseña anterior de %1 ya no funciona y se cerraron todas sus sesiones. Inicia sesión con esta, que solo se muestra esta vez: cópiela y désela en persona o por teléfono.</translation>
    </message>
    <message>
        <source>When they sign in, they are asked to choose their own.</source>
        <translation>Al iniciar sesión se le pedirá que elija la suya.</translation>
    </message>
</context>
<context>
    <name>vox::ui::Toast</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>vox::ui::ToastArea</name>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>vox::ui::TodayModel</name>
    <message>
        <source>Urgent: may need care today</source>
        <translation>Urgente: puede necesitar atención hoy</translation>
    </message>
    <message>
        <source>Unhappy on the call</source>
        <translation>Descontento en la llamada</translation>
    </message>
    <message>
        <source>Asked about a price, did not book</source>
        <translation>Preguntó un precio, no reservó</translation>
    </message>
    <message>
        <source>Call failed or was transferred</source>
        <translation>Llamada fallida o transferida</translation>
    </message>
    <message>
        <source>Text message waiting for a reply</source>
        <translation>Mensaje de texto sin responder</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Llamado</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>Por llamar</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>vox::ui::TodayPage</name>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Llamado</translation>
    </message>
    <message>
        <source>Booked…</source>
        <translation>Reservado…</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Who needs a call back today</source>
        <translation>A quién hay que devolver la llamada hoy</translation>
    </message>
    <message>
        <source>Today&apos;s call-back list</source>
        <translation>Lista de llamadas de hoy</translation>
    </message>
    <message>
        <source>Who needs a person today, the most pressing first: urgent callers, unhappy callers, price questions without a booking, failed or transferred calls. The actions for the chosen person are under the list.</source>
        <translation>Quién necesita hoy a una persona, lo más urgente primero: llamantes urgentes, llamantes descontentos, preguntas de precio sin reserva, llamadas fallidas o transferidas. Las acciones para la persona elegida están debajo de la lista.</translation>
    </message>
    <message>
        <source>Takes the chosen person off today&apos;s list: nobody needs to call them</source>
        <translation>Quita a la persona elegida de la lista de hoy: nadie tiene que llamarla</translation>
    </message>
    <message>
        <source>Says someone called the chosen person; they stay on the list, after those nobody has reached yet</source>
        <translation>Indica que alguien llamó a la persona elegida; sigue en la lista, después de quienes nadie ha contactado todavía</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Books an appointment for the chosen person; once it is booked they leave the list</source>
        <translation>Reserva una cita para la persona elegida; una vez reservada, sale de la lista</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>The person at the clinic who looks after the chosen caller today</source>
        <translation>La persona de la clínica que atiende hoy al llamante elegido</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>A note on the chosen caller that every console shows; Enter saves it</source>
        <translation>Una nota sobre el llamante elegido que muestran todas las consolas; Intro la guarda</translation>
    </message>
    <message>
        <source>For example: left a voicemail, call after 3 pm</source>
        <translation>Por ejemplo: dejé un mensaje de voz, llamar después de las 15:00</translation>
    </message>
    <message>
        <source>Saves the note on the chosen caller</source>
        <translation>Guarda la nota sobre el llamante elegido</translation>
    </message>
    <message>
        <source>Today&apos;s list could not be loaded.</source>
        <translation>No se pudo cargar la lista de hoy.</translation>
    </message>
    <message>
        <source>Loading today&apos;s list…</source>
        <translation>Cargando la lista de hoy…</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back today</source>
        <translation>Nadie espera que le devuelvan la llamada hoy</translation>
    </message>
    <message>
        <source>Urgent and unhappy callers, price questions without a booking and failed or transferred calls appear here.</source>
        <translation>Aquí aparecen los llamantes urgentes y descontentos, las preguntas de precio sin reserva y las llamadas fallidas o transferidas.</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Choose someone in the list to mark, give or annotate.</source>
        <translation>Elija a alguien de la lista para marcarlo, asignarlo o anotarlo.</translation>
    </message>
    <message>
        <source>%1: %2, at %3.</source>
        <translation>%1: %2, a las %3.</translation>
    </message>
    <message>
        <source>Booked %1 for %2 on %3.</source>
        <translation>Reservado %1 para %2 el %3.</translation>
    </message>
    <message>
        <source>The note on %1 is not saved.</source>
        <translation>La nota sobre %1 no está guardada.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>vox::ui::TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <source>What was said in the call, line by line. Click a line to play the recording from there; the line being heard is highlighted.</source>
        <translation>Lo que se dijo en la llamada, línea por línea. Haga clic en una línea para reproducir la grabación desde ahí; la línea que se oye está resaltada.</translation>
    </message>
</context>
<context>
    <name>vox::ui::TransferDestinationsBox</name>
    <message>
        <source>Transfer destinations</source>
        <translation>Destinos de transferencia</translation>
    </message>
    <message>
        <source>Where callers are put through to a person. The AI transfers to the first one open now, in this order (an emergency to one for emergencies first); on the Live page you can choose any.</source>
        <translation>Adónde se pasa a los llamantes para hablar con una persona. La IA transfiere al primero que esté abierto ahora, en este orden (una urgencia, primero a uno para urgencias); en la página En directo puede elegir cualquiera.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation>Atiende llamadas</translation>
    </message>
    <message>
        <source>Emergencies</source>
        <translation>Urgencias</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>What the destination is called, as the AI and the Live page name it</source>
        <translation>Cómo se llama el destino, tal como lo nombran la IA y la página En directo</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>The phone number callers are put through to, with + and its country code</source>
        <translation>El número de teléfono al que se pasa a los llamantes, con + y su prefijo de país</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Número:</translation>
    </message>
    <message>
        <source>Takes calls on %1</source>
        <translation>Atiende llamadas el %1</translation>
    </message>
    <message>
        <source>Takes calls from</source>
        <translation>Atiende llamadas desde</translation>
    </message>
    <message>
        <source>Takes calls until</source>
        <translation>Atiende llamadas hasta</translation>
    </message>
    <message>
        <source>A time at or before the opening time runs past midnight</source>
        <translation>Una hora igual o anterior a la de apertura pasa de la medianoche</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Takes calls:</source>
        <translation>Atiende llamadas:</translation>
    </message>
    <message>
        <source>For emergencies</source>
        <translation>Para urgencias</translation>
    </message>
    <message>
        <source>A caller with an emergency is put through here before anywhere else.</source>
        <translation>Un llamante con una urgencia se pasa aquí antes que a ningún otro sitio.</translation>
    </message>
    <message>
        <source>Only an admin can change the transfer destinations.</source>
        <translation>Solo un administrador puede cambiar los destinos de transferencia.</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>Nuevo destino</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove the chosen destination</source>
        <translation>Quitar el destino elegido</translation>
    </message>
    <message>
        <source>Save destination</source>
        <translation>Guardar destino</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Its hours differ by day (%1 stretches); they are kept unless you choose days and times here.</source>
        <translation>Su horario cambia según el día (%1 tramos); se mantiene salvo que elija aquí días y horas.</translation>
    </message>
    <message>
        <source>No days chosen: the AI never transfers callers here.</source>
        <translation>Ningún día elegido: la IA nunca transfiere llamantes aquí.</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>Añadir destino</translation>
    </message>
    <message>
        <source>Give the destination a name, such as Front desk.</source>
        <translation>Dé un nombre al destino, por ejemplo Recepción.</translation>
    </message>
    <message>
        <source>Give the number to put callers through to.</source>
        <translation>Indique el número al que pasar a los llamantes.</translation>
    </message>
    <message>
        <source>Write the number with + and its country code, such as +12125550142.</source>
        <translation>Escriba el número con + y su prefijo de país, por ejemplo +34912345678.</translation>
    </message>
    <message>
        <source>The closing time is the opening time. Choose another, or tick All day.</source>
        <translation>La hora de cierre es la de apertura. Elija otra o marque Todo el día.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>¿Quitar %1?</translation>
    </message>
    <message>
        <source>Callers are no longer put through to %1: the AI and the Live page stop offering it.</source>
        <translation>Ya no se pasará a los llamantes a %1: la IA y la página En directo dejan de ofrecerlo.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerlo</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 quitado.</translation>
    </message>
    <message>
        <source>The time, in the clinic&apos;s time zone, calls start</source>
        <translation>La hora, en la zona horaria de la clínica, a la que empiezan las llamadas</translation>
    </message>
    <message>
        <source>In the order the AI tries them: each destination&apos;s name, description, number, the hours it takes calls and whether it is for emergencies; choose one to change it below or to move it</source>
        <translation>En el orden en que la IA los prueba: el nombre, la descripción, el número, el horario en que atiende llamadas y si es para emergencias de cada destino; elija uno para cambiarlo abajo o para moverlo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move the chosen destination up</source>
        <translation>Subir el destino elegido</translation>
    </message>
    <message>
        <source>The AI tries it before the one above it now (Alt+Up)</source>
        <translation>La IA lo prueba antes que el que ahora tiene encima (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Try it earlier (Alt+Up)</source>
        <translation>Probarlo antes (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the chosen destination down</source>
        <translation>Bajar el destino elegido</translation>
    </message>
    <message>
        <source>The AI tries it after the one below it now (Alt+Down)</source>
        <translation>La IA lo prueba después del que ahora tiene debajo (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Try it later (Alt+Down)</source>
        <translation>Probarlo después (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Dr Lee&apos;s mobile, surgeries only</source>
        <translation>Móvil de la Dra. Lee, solo cirugías</translation>
    </message>
    <message>
        <source>A note for the people choosing where to transfer a call, up to %1 characters</source>
        <translation>Una nota para quienes eligen adónde transferir una llamada, hasta %1 caracteres</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Keep the description to %1 characters or fewer.</source>
        <translation>La descripción no puede pasar de %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>vox::ui::TrayNotifier</name>
    <message>
        <source>Voxanne Console</source>
        <translation>Consola Voxanne</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>vox::ui::TwilioCard</name>
    <message>
        <source>Twilio: text messages and the AI&apos;s phone number</source>
        <translation>Twilio: SMS y el número de teléfono de la IA</translation>
    </message>
    <message>
        <source>Validate &amp;&amp; save</source>
        <translation>Validar y guardar</translation>
    </message>
    <message>
        <source>Change account…</source>
        <translation>Cambiar de cuenta…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Your clinic&apos;s own Twilio account sends reminders and follow-up texts, and its number is the one the AI receptionist answers.</source>
        <translation>La cuenta de Twilio de su clínica envía los recordatorios y los SMS de seguimiento, y su número es el que contesta la recepcionista IA.</translation>
    </message>
    <message>
        <source>AC followed by 32 letters and digits</source>
        <translation>AC seguido de 32 letras y dígitos</translation>
    </message>
    <message>
        <source>From your Twilio console</source>
        <translation>De su consola de Twilio</translation>
    </message>
    <message>
        <source>Account SID:</source>
        <translation>Account SID:</translation>
    </message>
    <message>
        <source>Auth Token:</source>
        <translation>Auth Token:</translation>
    </message>
    <message>
        <source>Twilio number:</source>
        <translation>Número de Twilio:</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connecting… (checking with Vapi): account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Conectando… (comprobando con Vapi): cuenta &lt;b&gt;AC••••%2&lt;/b&gt;, número &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Not connected: %2 Enter the account again to retry.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; No conectado: %2 Vuelva a introducir la cuenta para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected: account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Conectado: cuenta &lt;b&gt;AC••••%2&lt;/b&gt;, número &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The connection is broken: enter the account again.</source>
        <translation>La conexión no funciona: vuelva a introducir la cuenta.</translation>
    </message>
    <message>
        <source>The AI receptionist answers this number.</source>
        <translation>La recepcionista IA contesta este número.</translation>
    </message>
    <message>
        <source>The last change did not go through: %1</source>
        <translation>El último cambio no se aplicó: %1</translation>
    </message>
    <message>
        <source>Not connected. Texts and reminders cannot be sent until you connect the clinic&apos;s Twilio account.</source>
        <translation>Sin conectar. No se pueden enviar SMS ni recordatorios hasta que conecte la cuenta de Twilio de la clínica.</translation>
    </message>
    <message>
        <source>Twilio is connected.</source>
        <translation>Twilio está conectado.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>skipped: this server has no Vapi key</source>
        <translation>omitido: este servidor no tiene clave de Vapi</translation>
    </message>
    <message>
        <source>working</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>checking with Vapi</source>
        <translation>comprobando con Vapi</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no realizado</translation>
    </message>
    <message>
        <source>Check the account with Twilio</source>
        <translation>Comprobar la cuenta con Twilio</translation>
    </message>
    <message>
        <source>Keep the credentials, encrypted</source>
        <translation>Guardar las credenciales cifradas</translation>
    </message>
    <message>
        <source>Give the AI access to Twilio</source>
        <translation>Dar a la IA acceso a Twilio</translation>
    </message>
    <message>
        <source>Connect the number to the AI receptionist</source>
        <translation>Conectar el número a la recepcionista IA</translation>
    </message>
    <message>
        <source>Enter the Account SID from your Twilio console.</source>
        <translation>Escriba el Account SID de su consola de Twilio.</translation>
    </message>
    <message>
        <source>Enter the Auth Token from your Twilio console.</source>
        <translation>Escriba el Auth Token de su consola de Twilio.</translation>
    </message>
    <message>
        <source>The Account SID is the 34 characters starting with AC on your Twilio console.</source>
        <translation>El Account SID son los 34 caracteres que empiezan por AC en su consola de Twilio.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s Auth Token.</source>
        <translation>Escriba el Auth Token de la cuenta.</translation>
    </message>
    <message>
        <source>This number is not one of this Twilio account&apos;s numbers.</source>
        <translation>Este número no pertenece a esta cuenta de Twilio.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>This Twilio account is suspended or closed. Nothing was changed.</source>
        <translation>Esta cuenta de Twilio está suspendida o cerrada. No se cambió nada.</translation>
    </message>
    <message>
        <source>Twilio did not accept this Account SID and Auth Token.</source>
        <translation>Twilio no aceptó este Account SID y Auth Token.</translation>
    </message>
    <message>
        <source>Check both on your Twilio console. Nothing was changed.</source>
        <translation>Compruebe ambos en su consola de Twilio. No se cambió nada.</translation>
    </message>
    <message>
        <source>Another change of the Twilio connection is under way. Try again once it is finished.</source>
        <translation>Hay otro cambio de la conexión de Twilio en curso. Vuelva a intentarlo cuando haya terminado.</translation>
    </message>
    <message>
        <source>Twilio or the AI service did not answer. Nothing was changed; please try again.</source>
        <translation>Twilio o el servicio de IA no respondieron. No se cambió nada; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Twilio is disconnected.</source>
        <translation>Twilio está desconectado.</translation>
    </message>
    <message>
        <source>Disconnect Twilio</source>
        <translation>Desconectar Twilio</translation>
    </message>
    <message>
        <source>Disconnect the clinic&apos;s Twilio account? The AI stops answering its number, and no texts can be sent.</source>
        <translation>¿Desconectar la cuenta de Twilio de la clínica? La IA dejará de contestar su número y no se podrán enviar SMS.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s Twilio number.</source>
        <translation>Escriba el número de Twilio de la clínica.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Connected to the &lt;b&gt;sandbox&apos;s&lt;/b&gt; Twilio: account &lt;b&gt;AC••••%2&lt;/b&gt;, number &lt;b&gt;%3&lt;/b&gt;. Texts and calls stay on this computer; nobody receives them.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;●&lt;/span&gt; Conectado al Twilio del &lt;b&gt;sandbox&lt;/b&gt;: cuenta &lt;b&gt;AC••••%2&lt;/b&gt;, número &lt;b&gt;%3&lt;/b&gt;. Los SMS y las llamadas se quedan en este equipo; nadie los recibe.</translation>
    </message>
</context>
<context>
    <name>vox::ui::VerificationStep</name>
    <message>
        <source>Call me again</source>
        <translation>Llámenme otra vez</translation>
    </message>
    <message>
        <source>Answer the call and type the code</source>
        <translation>Conteste la llamada y marque el código</translation>
    </message>
    <message>
        <source>This proves the phone is yours.</source>
        <translation>Así se comprueba que el teléfono es suyo.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Then enter the same code here:</source>
        <translation>Después escriba aquí el mismo código:</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 dígitos</translation>
    </message>
    <message>
        <source>No call, or it hung up?</source>
        <translation>¿No recibió la llamada o se cortó?</translation>
    </message>
    <message>
        <source>Twilio is calling %1 now. Answer it, and when the call asks, type this code on the phone&apos;s keypad:</source>
        <translation>Twilio está llamando ahora al %1. Conteste y, cuando se lo pidan, marque este código en el teclado del teléfono:</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>El código caduca en %1.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new call.</source>
        <translation>El código ha caducado. Pida una nueva llamada.</translation>
    </message>
    <message>
        <source>You can ask for another call in %1.</source>
        <translation>Podrá pedir otra llamada dentro de %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>Queda %n intento</numerusform>
            <numerusform>Quedan %n intentos</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking Twilio to call %1 again…</source>
        <translation>Pidiendo a Twilio que vuelva a llamar al %1…</translation>
    </message>
    <message>
        <source>Twilio is calling again, with a new code.</source>
        <translation>Twilio vuelve a llamar, con un código nuevo.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Comprobando el código…</translation>
    </message>
    <message>
        <source>Simulate answering the call</source>
        <translation>Simular que se contesta la llamada</translation>
    </message>
    <message>
        <source>The provider sandbox answers its call and types the code on the keypad, as you would on the phone.</source>
        <translation>El sandbox de proveedores contesta su llamada y marca el código en el teclado, como lo haría usted en el teléfono.</translation>
    </message>
    <message>
        <source>The sandbox is answering the call…</source>
        <translation>El sandbox está contestando la llamada…</translation>
    </message>
    <message>
        <source>The sandbox answered and typed %1 on the keypad. Press Confirm.</source>
        <translation>El sandbox contestó y marcó %1 en el teclado. Pulse Confirmar.</translation>
    </message>
</context>
<context>
    <name>vox::ui::reportexport</name>
    <message>
        <source>The file %1 could not be written.</source>
        <translation>No se pudo escribir el archivo %1.</translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation>No se pudo guardar la imagen en %1.</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>No se pudo escribir el PDF en %1.</translation>
    </message>
</context>
</TS>
