-- The transaction bookClinicAppointment runs (server/services/booking.cpp), statement for
-- statement, for pgbench: claims, idempotency lookup, calendar, services, contact upsert,
-- the appointment (the exclusion constraint decides), call link, live event, calendar job.
\set minute random(1, 100000000000)
\set phone random(1000000, 9999999)
BEGIN;
SELECT set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role","app_metadata":{}}', true);
SELECT id FROM appointments WHERE org_id = ':org'::uuid AND source_tool_call_id = 'bench-' || :minute;
SELECT s.time_zone, s.slot_minutes, coalesce(json_agg(json_build_array(b.weekday, to_char(b.opens_at, 'HH24:MI'), to_char(b.closes_at, 'HH24:MI')) ORDER BY b.weekday, b.opens_at) FILTER (WHERE b.weekday IS NOT NULL), '[]') FROM org_settings s LEFT JOIN business_hours b ON b.org_id = s.org_id WHERE s.org_id = ':org'::uuid GROUP BY s.time_zone, s.slot_minutes;
SELECT id, name, price_cents, duration_minutes, buffer_before_minutes, buffer_after_minutes, active, array_to_json(keywords) FROM services WHERE org_id = ':org'::uuid AND active ORDER BY lower(name), id;
INSERT INTO contacts (org_id, phone, name) VALUES (':org'::uuid, '+1557' || :phone, 'Bench Caller') ON CONFLICT (org_id, phone) DO UPDATE SET name = coalesce(contacts.name, EXCLUDED.name) RETURNING id, (xmax = 0);
INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, ends_at, buffer_before_minutes, buffer_after_minutes, status, notes, source, source_tool_call_id, vapi_call_id) VALUES (':org'::uuid, (SELECT id FROM contacts WHERE org_id = ':org'::uuid AND phone = '+1557' || :phone), ':service'::uuid, 'Consultation', timestamptz '2030-01-07 15:00Z' + interval '1 minute' * :minute, timestamptz '2030-01-07 15:30Z' + interval '1 minute' * :minute, 0, 0, 'confirmed', NULL, 'ai', 'bench-' || :minute, 'bench-call') RETURNING id;
SELECT id, report_received_at IS NOT NULL FROM call_logs WHERE org_id = ':org'::uuid AND vapi_call_id = 'bench-call';
SELECT json_build_object('id', a.id, 'contact_name', c.name, 'phone_number', c.phone, 'service_name', coalesce(sv.name, a.service_name), 'scheduled_time', a.starts_at, 'status', a.status) FROM appointments a LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN services sv ON sv.id = a.service_id WHERE a.org_id = ':org'::uuid AND a.source_tool_call_id = 'bench-' || :minute;
INSERT INTO events (org_id, type, entity_type, payload) VALUES (':org'::uuid, 'appointment.created', 'appointment', '{"bench": true}') RETURNING id, to_json(created_at)#>>'{}';
SELECT pg_notify('voxanne_events', '{"bench": true}');
SELECT current_setting('role');
INSERT INTO jobs (kind, org_id, payload, unique_key, run_at, max_attempts) VALUES ('calendar.sync_appointment', ':org'::uuid, '{}', 'bench:' || :minute, now(), 5) ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO UPDATE SET status = 'queued' WHERE jobs.status IN ('done', 'failed') RETURNING id;
COMMIT;
