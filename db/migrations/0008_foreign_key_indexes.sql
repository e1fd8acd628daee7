CREATE INDEX "action_steps_catalogue_step_idx" ON "action_steps" USING btree ("catalogue_step_id");--> statement-breakpoint
CREATE INDEX "calibration_scores_person_idx" ON "calibration_scores" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "feedback_meetings_observer_idx" ON "feedback_meetings" USING btree ("observer_id","held_at");--> statement-breakpoint
CREATE INDEX "observations_focus_step_idx" ON "observations" USING btree ("focus_step_id");