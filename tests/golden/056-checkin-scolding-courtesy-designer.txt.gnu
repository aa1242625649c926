corpus/056-checkin-scolding-courtesy-designer.txt:3:63: error: 'have yet to hear' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
corpus/056-checkin-scolding-courtesy-designer.txt:3:105: error: 'the courtesy of a reply' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
# exit 1
