corpus/055-nudge-scolding-thirdemail-swe.txt:3:1: error: 'This is my third email' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
corpus/055-nudge-scolding-thirdemail-swe.txt:3:58: error: 'I expected to hear back' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
# exit 1
