corpus/email/format-flowed-delsp.eml:3:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/format-flowed-delsp.eml:3:53: error: 'ing' looks misspelt; did you mean 'in'? (suggestions: 'in', 'king', 'ring', 'sing', 'wing') [FollowUp.Spelling]
# exit 1
